import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { ProjectForm } from '../_components/project-form';

export const metadata: Metadata = { title: 'New project' };

export default async function NewProjectPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:projects:write');
  return (
    <div className="mx-auto max-w-2xl">
      <Link
        href="/projects"
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        ← Projects
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">New project</h1>
      <p className="mt-1 text-sm text-slate-600">
        A job site and its stormwater permit. Only the name is required; fill the rest as you have it.
      </p>
      <div className="mt-6">
        <ProjectForm
          initial={{
            name: '',
            address: '',
            npdesPermitId: '',
            permitStart: '',
            permitEnd: '',
            disturbedAcres: '',
            receivingWater: '',
            sensitiveWater: false,
            inspectionSchedule: 'every_7_days',
            timeZone: '',
            latitude: '',
            longitude: '',
            status: 'active',
          }}
        />
      </div>
    </div>
  );
}
