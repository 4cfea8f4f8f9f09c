import type { Metadata } from 'next';
import { AuditSubpage } from '../_components/audit-subpage';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listSupportGrants } from '@/db/queries/support';
import { withTenantRead } from '@/db/tenant';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/when';

export const metadata: Metadata = { title: 'Support access' };

/** Every break-glass grant the operator's support staff opened on this organization (docs/support-access.md). */
export default async function SupportAccessPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:audit:read');
  const now = new Date();
  const { grants, timeZone } = await withTenantRead(ctx, async (tx) => ({
    grants: await listSupportGrants(tx, ctx.orgId, 200),
    timeZone: await orgTimeZone(tx, ctx.orgId),
  }));
  return (
    <AuditSubpage title="Support access">
      <p className="mt-2 text-sm text-slate-700">
        When the operator&apos;s support staff need to look at your data, they open a grant of at most 30 minutes with a
        written reason. Each grant and each view is in your audit log.
      </p>
      {grants.length ? (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {grants.map((g) => (
            <li key={g.id} className="px-4 py-3 text-sm text-slate-800">
              <p className="font-medium text-slate-900">
                {g.staff} · {formatDateTime(g.createdAt, timeZone)} → {formatDateTime(g.expiresAt, timeZone)}
                {g.expiresAt > now ? <span className="ml-2 rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950">running</span> : null}
              </p>
              <p className="mt-1">“{g.reason}”</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-sm text-slate-700">No support access has ever been granted.</p>
      )}
    </AuditSubpage>
  );
}
