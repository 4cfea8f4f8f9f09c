import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { recordFindingAction } from '../../violations/actions/record-finding';
import { loadNewViolationForm } from '../../violations/_components/new-violation-form-data';
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
  const data = await loadNewViolationForm(ctx, await searchParams);
  const back = data.projectId ? `/projects/${data.projectId}` : '/dashboard';

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
        {data.missing ? (
          <p className="text-sm text-slate-700">
            {data.missing === 'projects'
              ? 'There are no active projects yet.'
              : 'Your organization has no violation types yet. An owner or admin sets them up in the settings.'}
          </p>
        ) : (
          <ViolationForm
            mode="create"
            variant="finding"
            action={recordFindingAction}
            {...data.form}
            cancelHref={back}
            idempotencyKey={randomUUID()}
          />
        )}
      </div>
    </div>
  );
}
