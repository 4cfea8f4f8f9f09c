import type { Metadata } from 'next';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listExports } from '@/db/queries/exports';
import { withTenantRead } from '@/db/tenant';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { EXPORT_RETENTION_DAYS } from '@/lib/export/policy';
import { exportView, type ExportView } from '@/lib/export/view';
import { formatDateTime } from '@/lib/format/when';
import { ExportProgress } from './_components/export-progress';
import { StartExportForm } from './_components/start-export-form';

export const metadata: Metadata = { title: 'Export data' };

const STATE_LABEL: Record<ExportView['state'], string> = {
  queued: 'Waiting',
  running: 'Running',
  succeeded: 'Ready',
  failed: 'Failed',
  expired: 'Expired',
};

function megabytes(bytes: number | null): string {
  return bytes === null ? '' : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Owners and admins (docs/export.md): start an export of everything, follow it, download the zip. */
export default async function ExportPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:export:run');
  const { rows, timeZone } = await withTenantRead(ctx, async (tx) => ({ rows: await listExports(tx, ctx.orgId), timeZone: await orgTimeZone(tx, ctx.orgId) }));
  const views = rows.map((r) => exportView(r));
  const active = views.find((v) => v.state === 'queued' || v.state === 'running');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Export data</h1>
      <section aria-labelledby="start-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="start-heading" className="text-lg font-semibold text-slate-900">
          Everything, in one zip
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>Every table of your organization as JSON and as CSV (spreadsheet formulas are neutralised), and every photo and document.</li>
          <li>It runs in the background; you can leave this page. The download link works for {EXPORT_RETENTION_DAYS} days.</li>
          <li>Starting an export asks you to confirm it’s you (your second factor), and it is recorded on the Security page.</li>
        </ul>
        <div className="mt-4 space-y-4">
          {active ? <ExportProgress key={active.id} initial={active} /> : null}
          <StartExportForm disabled={Boolean(active)} />
        </div>
      </section>
      <section aria-labelledby="past-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="past-heading" className="text-lg font-semibold text-slate-900">
          Exports
        </h2>
        {views.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No export yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200" data-testid="export-list">
            {views.map((v) => (
              <li key={v.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="text-sm text-slate-800">
                  <span className="font-medium">{formatDateTime(new Date(v.createdAt), timeZone)}</span> — {STATE_LABEL[v.state]}
                  {v.state === 'succeeded' ? ` · ${v.rowsDone.toLocaleString('en-US')} rows, ${v.objectsDone.toLocaleString('en-US')} files, ${megabytes(v.bytes)}` : ''}
                  {v.error ? <p className="text-red-800">{v.error}</p> : null}
                </div>
                {v.downloadHref ? (
                  <a href={v.downloadHref} className="inline-flex min-h-12 items-center font-semibold text-brand-700 underline">
                    Download the zip
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
