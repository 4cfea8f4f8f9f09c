import type { Metadata } from 'next';
import Link from 'next/link';
import { orgTimeZone } from '@/db/queries/dashboard';
import { getDeletionState } from '@/db/org-deletion';
import { withTenantRead } from '@/db/tenant';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { DELETION_GRACE_DAYS } from '@/lib/deletion/policy';
import { formatDateTime } from '@/lib/format/when';
import { CancelDeletionForm } from './_components/cancel-deletion-form';
import { DeleteOrganizationForm } from './_components/delete-organization-form';

export const metadata: Metadata = { title: 'Delete organization' };

/** Owners only (docs/deletion.md): request the deletion, or cancel one within the grace period. */
export default async function DeleteOrganizationPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:organization:delete');
  const { state, timeZone } = await withTenantRead(ctx, async (tx) => ({
    state: await getDeletionState(tx, ctx.orgId),
    timeZone: await orgTimeZone(tx, ctx.orgId),
  }));
  const name = state?.name ?? '';
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings" className="font-medium text-brand-700 underline">
            ← Settings
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Delete organization</h1>
      </div>
      {state?.deletionScheduledFor ? (
        <section aria-labelledby="scheduled-heading" className="rounded-lg border border-red-300 bg-white p-4 shadow-sm sm:p-5">
          <h2 id="scheduled-heading" className="text-lg font-semibold text-slate-900">
            Deletion scheduled
          </h2>
          <p className="mt-2 text-sm text-slate-700" data-testid="deletion-scheduled-for">
            {name} will be deleted on <strong>{formatDateTime(state.deletionScheduledFor, timeZone)}</strong>. Until then any owner can
            cancel it, and everyone keeps working as usual.
          </p>
          <div className="mt-4">
            <CancelDeletionForm />
          </div>
        </section>
      ) : (
        <section aria-labelledby="delete-heading" className="rounded-lg border border-red-300 bg-white p-4 shadow-sm sm:p-5">
          <h2 id="delete-heading" className="text-lg font-semibold text-slate-900">
            Delete {name}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>
              Everything goes: projects, inspections and signed reports, forms, photos, documents, rain data, violations, members, the
              audit log. It can’t be undone.
            </li>
            <li>
              The deletion runs {DELETION_GRACE_DAYS} days after you ask. Until then every member sees a banner and any owner can cancel.
            </li>
            <li>
              Keeping records is your duty as a permittee (EPA CGP: at least 3 years after coverage ends):{' '}
              <Link href="/export" className="font-medium text-brand-700 underline">
                export your data
              </Link>{' '}
              first if you still need them.
            </li>
          </ul>
          <div className="mt-4">
            <DeleteOrganizationForm name={name} />
          </div>
        </section>
      )}
    </div>
  );
}
