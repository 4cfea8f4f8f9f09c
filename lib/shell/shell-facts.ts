import 'server-only';
import { cache } from 'react';
import { orgTimeZone } from '@/db/queries/dashboard';
import { countUnreadNotifications } from '@/db/queries/notifications';
import { listSupportGrants } from '@/db/queries/support';
import { getDeletionState } from '@/db/org-deletion';
import { withTenantRead } from '@/db/tenant';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { openAlertSummaryIn } from '@/lib/security/load-alerts';

/**
 * What the header and banners of every signed-in page show (app/(app)/layout.tsx), read in ONE
 * tenant transaction per request: the bell's count, the security and support-access banners (for
 * members who may read the audit trail), the deletion banner and the org's zone they print in.
 * Each was its own transaction before — four BEGIN/COMMIT pairs on every page (docs/scaling.md).
 * React's cache() makes the components share one call per request (same ctx object: the layout's).
 */
export const shellFacts = cache(async (ctx: TenantContext, now: Date = new Date()) =>
  withTenantRead(ctx, async (tx) => {
    const auditor = hasPermission(ctx, 'org:audit:read');
    // Issued together: postgres.js pipelines them on the transaction's connection (one flight).
    const [unread, alerts, grants, deletion, timeZone] = await Promise.all([
      countUnreadNotifications(tx, ctx.orgId, ctx.userId),
      auditor ? openAlertSummaryIn(tx, ctx.orgId, now) : null,
      auditor ? listSupportGrants(tx, ctx.orgId, 20) : [],
      getDeletionState(tx, ctx.orgId),
      orgTimeZone(tx, ctx.orgId),
    ]);
    return { unread, alerts, supportGrants: grants.filter((g) => g.expiresAt > now), deletion, timeZone };
  }),
);
