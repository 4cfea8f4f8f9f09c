import 'server-only';
import { withTenantRead } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { calendarData, type CalendarData } from '@/lib/compliance/calendar-data';
import { z } from 'zod';

/** The org's calendar, or one project's; `null` for a malformed, missing or another tenant's project id (404 alike). */
export async function loadCalendar(ctx: TenantContext, rawProjectId?: string, now = new Date()): Promise<CalendarData | null> {
  let projectId: string | undefined;
  if (rawProjectId !== undefined) {
    const id = z.guid().safeParse(rawProjectId);
    if (!id.success) return null;
    projectId = id.data;
  }
  return (await withTenantRead(ctx, (tx) => calendarData(tx, ctx.orgId, { projectId, now }))) ?? null;
}
