import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePagePermission } from '@/lib/auth/session';
import { ProjectForm } from '../../_components/project-form';
import { projectPage } from '../../load-projects';

export const metadata: Metadata = { title: 'Edit project' };

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, data } = await projectPage(params);
  requirePagePermission(ctx, 'org:projects:write');
  const p = data.project;
  return (
    <div className="mx-auto max-w-2xl">
      <Link
        href={`/projects/${p.id}`}
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        ← {p.name}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Edit project</h1>
      <div className="mt-6">
        <ProjectForm
          initial={{
            id: p.id,
            name: p.name,
            address: p.address,
            npdesPermitId: p.npdesPermitId ?? '',
            permitStart: p.permitStart ?? '',
            permitEnd: p.permitEnd ?? '',
            disturbedAcres: p.disturbedAcres === null ? '' : String(Number(p.disturbedAcres)),
            receivingWater: p.receivingWater ?? '',
            sensitiveWater: p.sensitiveWater,
            inspectionSchedule: p.inspectionSchedule,
            timeZone: p.timeZone ?? '',
            latitude: p.latitude ?? '',
            longitude: p.longitude ?? '',
            status: p.status,
          }}
        />
      </div>
    </div>
  );
}
