import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listProjects } from '@/db/queries/projects';
import { listBmpCategories, listViolationTypes } from '@/db/queries/violations';
import { withTenant } from '@/db/tenant';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { prefillQuery } from '@/lib/violations/prefill';
import { createViolationAction } from '../actions/create-violation';
import { ViolationForm } from '../_components/violation-form';

export const metadata: Metadata = { title: 'Record a violation' };

/** `/violations/new[?projectId=&inspectionId=&bmp=&description=]`: found on an inspection (linked, e.g. a failed BMP) or on its own. */
export default async function NewViolationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:violations:write');
  const q = prefillQuery.parse(await searchParams);
  const { projects, types, bmps, orgZone } = await withTenant(ctx, async (tx) => ({
    projects: await listProjects(tx, ctx.orgId, { status: 'active', limit: 200 }),
    types: await listViolationTypes(tx, ctx.orgId),
    bmps: await listBmpCategories(tx, ctx.orgId),
    orgZone: await orgTimeZone(tx, ctx.orgId),
  }));

  return (
    <div className="mx-auto max-w-2xl">
      <Link
        href="/violations"
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        ← Violations
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Record a violation</h1>
      <p className="mt-1 text-sm text-slate-600">Fields marked * are required.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        {!projects.length || !types.length ? (
          <p className="text-sm text-slate-700">
            {!projects.length
              ? 'There are no active projects yet. Create a project first, then record violations found on it.'
              : 'Your organization has no violation types yet. An owner or admin sets them up in the settings.'}
          </p>
        ) : (
          <ViolationForm
            mode="create"
            action={createViolationAction}
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
            cancelHref="/violations"
            idempotencyKey={randomUUID()}
          />
        )}
      </div>
    </div>
  );
}
