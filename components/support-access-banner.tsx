import Link from 'next/link';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { formatDateTime } from '@/lib/format/when';
import { shellFacts } from '@/lib/shell/shell-facts';

/**
 * Owners and admins see, on every page, that the operator's support staff can
 * read their organization right now, who, until when and why (break-glass,
 * docs/support-access.md).
 */
export async function SupportAccessBanner({ ctx }: { ctx: TenantContext }) {
  if (!hasPermission(ctx, 'org:audit:read')) return null;
  const { supportGrants: grants, timeZone } = await shellFacts(ctx);
  if (!grants.length) return null;
  return (
    <div role="status" className="border-b border-amber-500 bg-amber-100 px-4 py-3 text-sm text-amber-950" data-testid="support-access-banner">
      {grants.map((g) => (
        <p key={g.id}>
          <strong>Operator support can read your organization</strong> until {formatDateTime(g.expiresAt, timeZone)} ({g.staff}): “
          {g.reason}”.{' '}
          <Link href="/audit/support-access" className="inline-flex min-h-6 items-center font-semibold underline underline-offset-2">
            All support access
          </Link>
        </p>
      ))}
    </div>
  );
}
