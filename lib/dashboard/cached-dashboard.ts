import 'server-only';
import { dashboardData } from './dashboard-data';
import { withTenantRead } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { tenantCache } from '@/lib/cache';

/** Seconds a tenant's dashboard is reused. Every write of the tenant invalidates it sooner (lib/api/tenant-request.ts). */
const DASHBOARD_TTL_SECONDS = 60;

/**
 * The dashboard's numbers, from the tenant cache or the database. The due
 * statuses are computed for `now` of the request that filled the cache: at
 * most a minute old. bench (h) measures what this saves.
 */
export function cachedDashboard(ctx: TenantContext, now: Date) {
  return tenantCache(ctx).getOrSet('dashboard', DASHBOARD_TTL_SECONDS, () => withTenantRead(ctx, (tx) => dashboardData(tx, ctx.orgId, now)));
}
