import 'server-only';
import { dashboardData } from './dashboard-data';
import { withTenantRead, type Tx } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { tenantCache } from '@/lib/cache';

/** Seconds a tenant's dashboard is reused. Every write of the tenant invalidates it sooner (lib/api/tenant-request.ts). */
const DASHBOARD_TTL_SECONDS = 60;

/**
 * The dashboard's numbers, from the tenant cache or the database. The due
 * statuses are computed for `now` of the request that filled the cache: at
 * most a minute old. bench (h) measures what this saves.
 */
export function cachedDashboard(ctx: TenantContext, now: Date, tx?: Tx) {
  // Inside the page's own transaction when it passes one: a miss costs no second BEGIN/COMMIT.
  const fill = () => (tx ? dashboardData(tx, ctx.orgId, now) : withTenantRead(ctx, (t) => dashboardData(t, ctx.orgId, now)));
  return tenantCache(ctx).getOrSet('dashboard', DASHBOARD_TTL_SECONDS, fill);
}
