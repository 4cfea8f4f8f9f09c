import 'server-only';
import { and, desc, eq, gte } from 'drizzle-orm';
import { securityEvents } from '../schema';
import type { Tx } from '../tenant';

export type SecurityEventKind = 'TENANT_BREACH_ATTEMPT' | 'ACCESS_DENIED' | 'BULK_EXPORT' | 'OFF_HOURS_ACCESS';

export async function insertSecurityEvent(
  tx: Tx,
  orgId: string,
  event: { kind: SecurityEventKind; severity?: 'info' | 'warning' | 'critical'; userId?: string | null; ip?: string | null; details?: Record<string, unknown> },
) {
  await tx.insert(securityEvents).values({
    organizationId: orgId,
    kind: event.kind,
    severity: event.severity ?? 'info',
    userId: event.userId ?? null,
    ip: event.ip ?? null,
    details: event.details ?? {},
  });
}

export async function listSecurityEvents(tx: Tx, orgId: string, opts: { since?: Date; kind?: SecurityEventKind; limit: number }) {
  return tx
    .select()
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.organizationId, orgId),
        opts.kind ? eq(securityEvents.kind, opts.kind) : undefined,
        opts.since ? gte(securityEvents.createdAt, opts.since) : undefined,
      ),
    )
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(opts.limit);
}
