import { tenantRoute } from '@/lib/api/tenant-route';
import { loadInspectionReport } from '@/lib/inspections/report/load-report';
import { renderInspectionPdf } from '@/lib/inspections/report/render-pdf';
import { pathId } from '@/lib/validation/request';

type Params = { id: string };

/** A file name a browser can save: site and date, ASCII only. */
function fileName(site: string, day: string): string {
  const slug = site.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'site';
  return `inspection-report-${slug}-${day}.pdf`;
}

// GET /api/v1/inspections/:id/report.pdf - the signed inspection as a PDF (404 other tenant's or missing, 409 unsigned); ?verify=<site QR token> prints the public page's link
export const GET = tenantRoute<Params>({ permission: 'org:data:read' }, async (req, { tx, ctx, params }) => {
  const verify = new URL(req.url).searchParams.get('verify') ?? undefined;
  const data = await loadInspectionReport(tx, ctx, pathId(params.id), verify);
  const pdf = await renderInspectionPdf(data);
  const day = (data.inspection.inspectedAt ?? data.inspection.signedAt!).toISOString().slice(0, 10);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${fileName(data.project.name, day)}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      // The digest travels with the file too, so a client can check it without parsing the PDF.
      'X-Record-SHA256': data.inspection.recordSha256!,
    },
  });
});
