import type { Metadata } from 'next';
import Link from 'next/link';
import { getComplianceSettings } from '@/db/queries/compliance-settings';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listLegalHolds, listPurgeReports, projectRetentionRows } from '@/db/queries/retention';
import { withTenantRead } from '@/db/tenant';
import { ActionButton } from '@/components/forms/action-button';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/when';
import { projectRetainUntil } from '@/lib/retention/retain-until';
import { dryRunPurgeAction } from './actions/dry-run-purge';
import { PlaceHoldForm } from './_components/place-hold-form';
import { ReleaseHoldButton } from './_components/release-hold-button';

export const metadata: Metadata = { title: 'Retention and legal holds' };

const card = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5';

/** Owners and admins (docs/retention.md): the rule, legal holds, and what each purge removed. */
export default async function RetentionPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:retention:manage');
  const data = await withTenantRead(ctx, async (tx) => ({
    settings: await getComplianceSettings(tx, ctx.orgId),
    holds: await listLegalHolds(tx, ctx.orgId),
    reports: await listPurgeReports(tx, ctx.orgId, 20),
    projects: await projectRetentionRows(tx, ctx.orgId),
    timeZone: await orgTimeZone(tx, ctx.orgId),
  }));
  const years = data.settings?.retentionYears ?? 3;
  const names = new Map(data.projects.map((p) => [p.id, p.name]));
  const inForce = data.holds.filter((h) => !h.releasedAt);
  const released = data.holds.filter((h) => h.releasedAt);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings" className="font-medium text-brand-700 underline">
            ← Settings
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Retention and legal holds</h1>
        <p className="mt-2 text-sm text-slate-700">
          Project records are kept {years} years after permit coverage ends (the later of your rule, set in{' '}
          <Link href="/settings" className="font-medium text-brand-700 underline">
            Compliance rules
          </Link>
          , and the permit’s 3 years, EPA CGP Part 4.8). OSHA injury and illness records are kept 5 years after the end of their year
          (29 CFR 1904.33). A project that is still active, or has no termination date, is never purged. A daily purge removes only what
          is past retention and not under a legal hold.
        </p>
      </div>

      <section aria-labelledby="holds-heading" className={card}>
        <h2 id="holds-heading" className="text-lg font-semibold text-slate-900">
          Legal holds in force
        </h2>
        {inForce.length ? (
          <ul className="mt-3 divide-y divide-slate-200" data-testid="holds-in-force">
            {inForce.map((h) => {
              const label = h.projectId ? (names.get(h.projectId) ?? 'a project') : 'the whole organization';
              return (
                <li key={h.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="text-sm text-slate-800">
                    <p className="font-medium">{h.projectId ? label : 'The whole organization'}</p>
                    <p>{h.reason}</p>
                    <p className="text-slate-600">Placed {formatDateTime(h.placedAt, data.timeZone)}</p>
                  </div>
                  <ReleaseHoldButton holdId={h.id} label={label} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">No hold is in force.</p>
        )}
        <h3 className="mt-5 text-base font-semibold text-slate-900">Place a hold</h3>
        <div className="mt-2">
          <PlaceHoldForm projects={data.projects.map((p) => ({ id: p.id, name: p.name }))} />
        </div>
        {released.length ? (
          <details className="mt-4 text-sm text-slate-700">
            <summary className="cursor-pointer font-medium">Released holds ({released.length})</summary>
            <ul className="mt-2 space-y-1">
              {released.map((h) => (
                <li key={h.id}>
                  {h.projectId ? (names.get(h.projectId) ?? 'A project') : 'The whole organization'}: {h.reason} — released{' '}
                  {formatDateTime(h.releasedAt!, data.timeZone)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="projects-heading" className={card}>
        <h2 id="projects-heading" className="text-lg font-semibold text-slate-900">
          Projects: kept until
        </h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">Project</th>
              <th scope="col" className="py-1 font-medium">Records kept through</th>
            </tr>
          </thead>
          <tbody>
            {data.projects.map((p) => {
              const r = projectRetainUntil(p, years);
              return (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className="py-1 pr-3">
                    <Link href={`/projects/${p.id}`} className="text-brand-700 underline">{p.name}</Link>
                  </td>
                  <td className="py-1">{r.retainUntil ?? 'Coverage has not ended: kept'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="reports-heading" className={card}>
        <h2 id="reports-heading" className="text-lg font-semibold text-slate-900">
          Purge reports
        </h2>
        <div className="mt-2">
          <ActionButton action={dryRunPurgeAction} fields={{}} label="Dry run now" pendingLabel="Checking…" secondary />
        </div>
        {data.reports.length ? (
          <ul className="mt-3 divide-y divide-slate-200 text-sm" data-testid="purge-reports">
            {data.reports.map((r) => (
              <li key={r.id} className="py-2 text-slate-800">
                <p className="font-medium">
                  {formatDateTime(r.ranAt, data.timeZone)}
                  {r.dryRun ? ' (dry run: nothing removed)' : ''}
                </p>
                <p>
                  {r.removed.projects.length} project(s), {r.removed.incidents.length} OSHA record(s), {r.removed.objects} file(s)
                  {r.dryRun ? ' would go' : ' removed'}
                  {r.removed.kept.length ? `; ${r.removed.kept.length} kept by a hold or another record’s retention` : ''}.
                </p>
                {r.removed.projects.length ? (
                  <p className="text-slate-600">{r.removed.projects.map((p) => `${p.name} (kept through ${p.retainUntil})`).join(', ')}</p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">No purge has run yet.</p>
        )}
      </section>
    </div>
  );
}
