import type { Metadata } from 'next';
import { listProjects } from '@/db/queries/projects';
import { withTenant } from '@/db/tenant';
import { requireTenantPage } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Projects' };

// Minimal list through the door (the field-core issue replaces this page).
export default async function ProjectsPage() {
  const ctx = await requireTenantPage();
  const projects = await withTenant(ctx, (tx) => listProjects(tx, ctx.orgId));
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Projects</h1>
      {projects.length ? (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Projects">
          {projects.map((p) => (
            <li key={p.id} className="p-4">
              <p className="font-medium text-slate-900">{p.name}</p>
              <p className="text-sm text-slate-600">
                {p.address} · Permit <span data-testid="permit">{p.npdesPermitId}</span>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 text-sm text-slate-600">No projects yet.</p>
      )}
    </div>
  );
}
