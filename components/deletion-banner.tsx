import Link from 'next/link';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { formatDateTime } from '@/lib/format/when';
import { shellFacts } from '@/lib/shell/shell-facts';

/**
 * Every member sees, on every page, that the organization is scheduled for deletion and when
 * (docs/deletion.md); owners get the way to cancel it.
 */
export async function DeletionBanner({ ctx }: { ctx: TenantContext }) {
  const { deletion: state, timeZone } = await shellFacts(ctx);
  if (!state?.deletionScheduledFor || state.deletionStartedAt) return null;
  return (
    <div role="status" className="border-b border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950" data-testid="deletion-banner">
      <p>
        <strong>This organization is scheduled for deletion</strong> on {formatDateTime(state.deletionScheduledFor, timeZone)}: all of its
        projects, records, photos and documents will be removed for good.{' '}
        {hasPermission(ctx, 'org:organization:delete') ? (
          <Link href="/settings/delete" className="inline-flex min-h-6 items-center font-semibold underline underline-offset-2">
            Cancel the deletion
          </Link>
        ) : (
          'Ask an owner if this is a mistake.'
        )}
      </p>
    </div>
  );
}
