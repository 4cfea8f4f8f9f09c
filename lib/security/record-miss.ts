import 'server-only';
import { insertSecurityEvent, type SecurityEventKind } from '@/db/queries/security-events';
import { withTenant } from '@/db/tenant';
import { requestActor } from '@/lib/audit/actor';
import type { TenantContext } from '@/lib/auth/tenant-context';

/**
 * Record a security event for the requester's organization, in a transaction
 * of its own: the request's transaction has already rolled back. A failure to
 * record never changes the answer the user gets (it is logged instead).
 *
 * A miss by id (404) is a possible TENANT_BREACH_ATTEMPT: the same answer as a
 * row that never existed, but counted, so the alert rules can see probing.
 */
export async function recordSecurityEvent(
  ctx: TenantContext,
  kind: SecurityEventKind,
  details: Record<string, unknown>,
): Promise<void> {
  try {
    const actor = await requestActor(ctx);
    await withTenant(ctx, (tx) => insertSecurityEvent(tx, ctx.orgId, { kind, userId: ctx.userId, ip: actor.ip, details }));
  } catch (error) {
    console.error('could not record security event', kind, error);
  }
}
