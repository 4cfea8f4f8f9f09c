import { groupedHash } from '@/lib/inspections/record-hash';

/**
 * The signed record's PDF (GET /api/v1/inspections/:id/report.pdf) and its
 * SHA-256, the same digest the PDF and the public inspector page print. A
 * plain link: it works without JavaScript, and the browser shows its own
 * download progress.
 */
export function ReportDownload({ inspectionId, recordSha256 }: { inspectionId: string; recordSha256: string }) {
  return (
    <div className="mt-3 space-y-2" data-print-hide>
      <a
        href={`/api/v1/inspections/${inspectionId}/report.pdf`}
        download
        className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        Download PDF
      </a>
      <p className="text-sm text-slate-600">
        Record SHA-256 <code className="break-all font-mono text-xs text-slate-800">{groupedHash(recordSha256)}</code>
      </p>
    </div>
  );
}
