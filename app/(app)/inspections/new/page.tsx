import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { listProjects } from '@/db/queries/projects';
import { withTenant } from '@/db/tenant';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { getCurrentTemplateByKey } from '@/lib/forms/templates';
import { INSPECTION_TEMPLATE_KEY } from '@/lib/inspections/form-mapping';
import { INSPECTION_TYPES } from '@/lib/zod/schemas/inspections';
import { NewInspectionForm } from '../_components/new-inspection-form';

export const metadata: Metadata = { title: 'New inspection' };

export default async function NewInspectionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantPage();
  if (!hasPermission(ctx, 'org:forms:submit')) redirect('/inspections');
  const { projectId, type } = await searchParams;
  const { projects, template } = await withTenant(ctx, async (tx) => ({
    projects: await listProjects(tx, ctx.orgId, { status: 'active', limit: 200 }),
    // Sent with the page so the form can open without signal (the service worker keeps this page).
    template: await getCurrentTemplateByKey(tx, ctx.orgId, INSPECTION_TEMPLATE_KEY),
  }));
  return (
    <div className="mx-auto max-w-xl">
      <Link href="/inspections" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">
        ← Inspections
      </Link>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">New inspection</h1>
      <p className="mt-1 text-sm text-slate-600">
        Pick the site and the kind of inspection; the EPA inspection report opens next.
      </p>
      <div className="mt-6">
        {projects.length ? (
          <NewInspectionForm
            projects={projects.slice(0, 200).map((p) => ({ id: p.id, name: p.name }))}
            idempotencyKey={randomUUID()}
            template={template?.schema ?? null}
            defaultType={INSPECTION_TYPES.find((t) => t === type)}
            defaultProjectId={
              typeof projectId === 'string' && projects.some((p) => p.id === projectId) ? projectId : undefined
            }
          />
        ) : (
          <p className="text-sm text-slate-600">There are no active projects yet.</p>
        )}
      </div>
    </div>
  );
}
