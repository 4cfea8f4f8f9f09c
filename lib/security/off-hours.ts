import 'server-only';
import { insertOffHoursAccessOnce } from '@/db/queries/security-events';
import { getSecuritySettings } from '@/db/queries/security-settings';
import { withTenant, withTenantRead } from '@/db/tenant';
import { requestActor } from '@/lib/audit/actor';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { offHoursVerdict, resetOffHoursVerdicts, type BusinessHours } from './off-hours-verdict';

/**
 * OFF_HOURS_ACCESS: a signed-in request outside the organization's business
 * hours, recorded once per user per local day.
 *
 * Called from requireTenant() (every action and route, through the wrappers)
 * and requireTenantPage() (every page render), which is every signed-in
 * request. To keep that from costing a query per request, two per-process
 * memos sit in front of the database:
 * - the org's hours and zone, for SETTINGS_TTL_MS (an edit on another server
 *   applies within that time; the settings action clears this server's memo);
 * - the (org, user, day) triples already recorded, so only the first
 *   off-hours request per user and day on each server touches the database.
 * They are caches of database facts, not shared state: the database decides
 * (advisory lock + existence check in insertOffHoursAccessOnce), so N servers
 * still write exactly one row per user and day.
 */
const SETTINGS_TTL_MS = 60_000;
const MAX_MEMO = 10_000;

type Hours = BusinessHours;
const hoursMemo = new Map<string, { hours: Hours | null; expires: number }>();
const recorded = new Set<string>();

async function hoursOf(ctx: TenantContext, now: number): Promise<Hours | null> {
  const memo = hoursMemo.get(ctx.orgId);
  if (memo && memo.expires > now) return memo.hours;
  const s = await withTenantRead(ctx, (tx) => getSecuritySettings(tx, ctx.orgId));
  const hours = s
    ? { start: s.businessHoursStart, end: s.businessHoursEnd, timezone: s.timezone, enabled: s.offHoursAlertsEnabled }
    : null;
  if (hoursMemo.size >= MAX_MEMO) hoursMemo.clear();
  hoursMemo.set(ctx.orgId, { hours, expires: now + SETTINGS_TTL_MS });
  return hours;
}

/** Forget this server's copy of an org's hours (after the settings change). */
export function forgetBusinessHours(orgId: string): void {
  hoursMemo.delete(orgId);
}

/**
 * Record the request if it is outside business hours (and not yet recorded
 * today). Never throws: a failure is logged and the request goes on.
 */
export async function noteOffHoursAccess(ctx: TenantContext, at: Date = new Date(), where?: string): Promise<void> {
  try {
    const hours = await hoursOf(ctx, Date.now());
    if (!hours || !hours.enabled) return;
    const { off, day } = offHoursVerdict(ctx.orgId, hours, at);
    if (!off) return;
    const key = `${ctx.orgId}|${ctx.userId}|${day}`;
    if (recorded.has(key)) return;
    const actor = await requestActor(ctx);
    await withTenant(ctx, (tx) =>
      insertOffHoursAccessOnce(tx, ctx.orgId, {
        userId: ctx.userId,
        day,
        ip: actor.ip ?? null,
        details: { businessHours: `${hours.start}:00–${hours.end}:00 ${hours.timezone}`, ...(where ? { where } : {}) },
      }),
    );
    if (recorded.size >= MAX_MEMO) recorded.clear();
    recorded.add(key);
  } catch (error) {
    console.error('could not check off-hours access', error);
  }
}

/** Tests only: start from empty memos. */
export function resetOffHoursMemo(): void {
  hoursMemo.clear();
  recorded.clear();
  resetOffHoursVerdicts();
}
