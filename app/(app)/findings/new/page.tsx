import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listProjects } from '@/db/queries/projects';
import { listBmpCategories, listViolationTypes } from '@/db/queries/violations';
import { withTenant } from '@/db/tenant';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { prefillQuery } from '@/lib/violations/prefill';
import { recordFindingAction } from '../../violations/actions/record-finding';
import { ViolationForm } from '../../violations/_components/violation-form';

export const metadata: Metadata = { title: 'Record a finding' };

/** `/findings/new[?projectId=&inspectionId=&bmp=&description=]`: what a crew member sees on site, for a superintendent to review. */
export default async function NewFindingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:findings:report');
  const q = prefillQuery.parse(await searchParams);
  const { projects, types, bmps, orgZone } = await withTenant(ctx, async (tx) => ({
    orgZone: await orgTimeZone(tx, ctx.orgId),
    projects: await listProjects(tx, ctx.orgId, { status: 'active', limit: 200 }),
    types: await listViolationTypes(tx, ctx.orgId),
    bmps: await listBmpCategories(tx, ctx.orgId),
  }));
  const back = q.projectId ? `/projects/${q.projectId}` : '/dashboard';

  return (
    <div className="mx-auto max-w-2xl">
      <Link href={back} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
        ← Back
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Record a finding</h1>
      <p className="mt-1 text-sm text-slate-600">
        What you see on site that needs fixing. A superintendent reviews it and assigns the corrective action. Fields
        marked * are required.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        {!projects.length || !types.length ? (
          <p className="text-sm text-slate-700">
            {!projects.length
              ? 'There are no active projects yet.'
              : 'Your organization has no violation types yet. An owner or admin sets them up in the settings.'}
          </p>
        ) : (
          <ViolationForm
            mode="create"
            variant="finding"
            action={recordFindingAction}
            projects={projects.slice(0, 200).map((p) => ({ id: p.id, name: p.name, timeZone: p.timeZone ?? orgZone }))}
            timeZone={orgZone}
            now={new Date().toISOString()}
            types={types.map((t) => ({ id: t.id, name: t.name, defaultDeadlineDays: t.defaultDeadlineDays }))}
            bmpCategories={bmps.map((b) => ({ id: b.id, name: b.name }))}
            initial={{
              projectId: q.projectId,
              inspectionId: q.inspectionId,
              bmpCategoryId: bmps.find((b) => b.key === q.bmp)?.id,
              description: q.description,
            }}
            cancelHref={back}
            idempotencyKey={randomUUID()}
          />
        )}
      </div>
    </div>
  );
}
