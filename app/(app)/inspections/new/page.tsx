import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { listProjects } from '@/db/queries/projects';
import { withTenantRead } from '@/db/tenant';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { getCurrentTemplateByKey } from '@/lib/forms/templates';
import { templateKeyOf } from '@/lib/inspections/form-mapping';
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
  const keys = [...new Set(INSPECTION_TYPES.map(templateKeyOf))];
  const { projects, templates } = await withTenantRead(ctx, async (tx) => ({
    projects: await listProjects(tx, ctx.orgId, { status: 'active', limit: 200 }),
    // Sent with the page so every form can open without signal (the service worker keeps this page).
    templates: Object.fromEntries(
      (await Promise.all(keys.map((k) => getCurrentTemplateByKey(tx, ctx.orgId, k))))
        .filter((t) => t !== undefined)
        .map((t) => [t.key, t.schema]),
    ),
  }));
  return (
    <div className="mx-auto max-w-xl">
      <Link href="/inspections" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">
        ← Inspections
      </Link>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">New inspection</h1>
      <p className="mt-1 text-sm text-slate-600">
        Pick the site and the kind of inspection (EPA stormwater or OSHA safety); its form opens next.
      </p>
      <div className="mt-6">
        {projects.length ? (
          <NewInspectionForm
            projects={projects.slice(0, 200).map((p) => ({ id: p.id, name: p.name }))}
            idempotencyKey={randomUUID()}
            templates={templates}
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
