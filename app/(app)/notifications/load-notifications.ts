import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { getReminderPreferences, listNotifications } from '@/db/queries/notifications';
import { withTenantRead } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';

/** The signed-in member's reminders in this organization and their choices. */
export async function loadNotifications(ctx: TenantContext) {
  return withTenantRead(ctx, async (tx) => ({
    items: await listNotifications(tx, ctx.orgId, ctx.userId),
    preferences: await getReminderPreferences(tx, ctx.orgId, ctx.userId),
    timeZone: await orgTimeZone(tx, ctx.orgId),
  }));
}
