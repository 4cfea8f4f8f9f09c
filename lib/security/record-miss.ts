import 'server-only';
import { insertSecurityEvent, type SecurityEventKind, type SecurityEventSeverity } from '@/db/queries/security-events';
import { withTenant } from '@/db/tenant';
import { requestActor } from '@/lib/audit/actor';
import type { TenantContext } from '@/lib/auth/tenant-context';

/**
 * How serious one event is on its own. Alerts (lib/security/alert-rules.ts)
 * decide how serious a pattern of them is.
 */
const SEVERITY: Record<SecurityEventKind, SecurityEventSeverity> = {
  TENANT_BREACH_ATTEMPT: 'warning',
  ACCESS_DENIED: 'info',
  BULK_EXPORT: 'info',
  OFF_HOURS_ACCESS: 'info',
  // Recorded when limiting repeats (lib/ratelimit/repeats.ts), not for every 429.
  RATE_LIMITED: 'warning',
};

/**
 * Record a security event for the requester's organization, in a transaction
 * of its own: the request's transaction has already rolled back. A failure to
 * record never changes the answer the user gets (it is logged instead).
 *
 * A miss by id (404) is a possible TENANT_BREACH_ATTEMPT: the same answer as a
 * row that never existed, but counted, so the alert rules can see probing.
 * It is always recorded in the *requester's* organization (ctx from auth()),
 * never in the one the id might belong to: nobody can tell which that is.
 */
export async function recordSecurityEvent(
  ctx: TenantContext,
  kind: SecurityEventKind,
  details: Record<string, unknown>,
): Promise<void> {
  try {
    const actor = await requestActor(ctx);
    await withTenant(ctx, (tx) =>
      insertSecurityEvent(tx, ctx.orgId, { kind, severity: SEVERITY[kind], userId: ctx.userId, ip: actor.ip, details }),
    );
  } catch (error) {
    console.error('could not record security event', kind, error);
  }
}

/**
 * BULK_EXPORT emitter for the export job: call it once per export that hands
 * out many records (a CSV/ZIP of an org's inspections, a full data export).
 * Every bulk export becomes an info alert on /security.
 */
export function recordBulkExport(
  ctx: TenantContext,
  export_: { what: string; format: string; rowCount: number; jobId?: string },
): Promise<void> {
  return recordSecurityEvent(ctx, 'BULK_EXPORT', { ...export_ });
}
