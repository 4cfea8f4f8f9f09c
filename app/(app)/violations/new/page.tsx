import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { createViolationAction } from '../actions/create-violation';
import { loadNewViolationForm } from '../_components/new-violation-form-data';
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
  const data = await loadNewViolationForm(ctx, await searchParams);

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
        {data.missing ? (
          <p className="text-sm text-slate-700">
            {data.missing === 'projects'
              ? 'There are no active projects yet. Create a project first, then record violations found on it.'
              : 'Your organization has no violation types yet. An owner or admin sets them up in the settings.'}
          </p>
        ) : (
          <ViolationForm
            mode="create"
            action={createViolationAction}
            {...data.form}
            cancelHref="/violations"
            idempotencyKey={randomUUID()}
          />
        )}
      </div>
    </div>
  );
}
