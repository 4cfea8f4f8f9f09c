import Link from 'next/link';
import { getComplianceSettings } from '@/db/queries/compliance-settings';
import { holdsCoveringProject } from '@/db/queries/retention';
import type { Project } from '@/db/queries/projects';
import { withTenantRead } from '@/db/tenant';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { projectRetainUntil } from '@/lib/retention/retain-until';

/** How long this project's records are kept, whether a legal hold covers them, and the inspector packet (docs/retention.md). */
export async function RecordsCard({ ctx, project }: { ctx: TenantContext; project: Pick<Project, 'id' | 'status' | 'permitEnd'> }) {
  const { years, holds } = await withTenantRead(ctx, async (tx) => ({
    years: (await getComplianceSettings(tx, ctx.orgId))?.retentionYears ?? 3,
    holds: await holdsCoveringProject(tx, ctx.orgId, project.id),
  }));
  const r = projectRetainUntil(project, years);
  return (
    <section aria-labelledby="records-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="records-heading" className="text-base font-semibold text-slate-900">
        Records
      </h2>
      <dl className="mt-2 space-y-1 text-sm text-slate-800">
        <div>
          <dt className="inline font-medium">Kept through: </dt>
          <dd className="inline" data-testid="retain-until">
            {r.retainUntil ?? 'permit coverage has not ended, so the records are kept'} ({r.rule})
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Legal hold: </dt>
          <dd className="inline" data-testid="hold-state">
            {holds.length ? `held (${holds.map((h) => (h.projectId ? 'this project' : 'the whole organization')).join(', ')}): nothing is purged` : 'none'}
          </dd>
        </div>
      </dl>
      <div className="mt-3 flex flex-wrap gap-3 text-sm">
        {hasPermission(ctx, 'org:packets:download') ? (
          <a href={`/api/v1/projects/${project.id}/inspector-packet`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Download inspector packet
          </a>
        ) : null}
        {hasPermission(ctx, 'org:retention:manage') ? (
          <Link href="/settings/retention" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Retention and legal holds
          </Link>
        ) : null}
      </div>
    </section>
  );
}
