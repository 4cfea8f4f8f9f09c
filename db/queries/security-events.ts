import 'server-only';
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { securityEvents } from '../schema';
import type { Tx } from '../tenant';

export type SecurityEventKind = 'TENANT_BREACH_ATTEMPT' | 'ACCESS_DENIED' | 'BULK_EXPORT' | 'OFF_HOURS_ACCESS' | 'RATE_LIMITED';
export type SecurityEventSeverity = 'info' | 'warning' | 'critical';

export async function insertSecurityEvent(
  tx: Tx,
  orgId: string,
  event: {
    kind: SecurityEventKind;
    severity?: SecurityEventSeverity;
    userId?: string | null;
    ip?: string | null;
    details?: Record<string, unknown>;
  },
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

export interface SecurityEventFilter {
  kind?: SecurityEventKind;
  kinds?: readonly SecurityEventKind[];
  userId?: string;
  since?: Date;
  until?: Date;
  limit: number;
}

/** Newest first; served by security_events_org_created_idx (or _org_kind_idx with a kind). */
export async function listSecurityEvents(tx: Tx, orgId: string, opts: SecurityEventFilter) {
  return tx
    .select()
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.organizationId, orgId),
        opts.kind ? eq(securityEvents.kind, opts.kind) : undefined,
        opts.kinds ? inArray(securityEvents.kind, [...opts.kinds]) : undefined,
        opts.userId ? eq(securityEvents.userId, opts.userId) : undefined,
        opts.since ? gte(securityEvents.createdAt, opts.since) : undefined,
        opts.until ? lt(securityEvents.createdAt, opts.until) : undefined,
      ),
    )
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(opts.limit);
}

/**
 * Record OFF_HOURS_ACCESS once per user per organization-local day. A
 * transaction-scoped advisory lock on (org, user, day) serializes concurrent
 * first requests, so the existence check and the insert can't race: exactly
 * one row per user and day, on any number of servers. Returns whether a row
 * was written.
 */
export async function insertOffHoursAccessOnce(
  tx: Tx,
  orgId: string,
  event: { userId: string; day: string; ip: string | null; details: Record<string, unknown> },
): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`off_hours:${orgId}:${event.userId}:${event.day}`}))`);
  const [existing] = await tx
    .select({ id: securityEvents.id })
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.organizationId, orgId),
        eq(securityEvents.kind, 'OFF_HOURS_ACCESS'),
        // A local day lasts at most 26 hours: bound the scan with the kind index.
        gte(securityEvents.createdAt, sql`now() - interval '2 days'`),
        eq(securityEvents.userId, event.userId),
        sql`${securityEvents.details}->>'day' = ${event.day}`,
      ),
    )
    .limit(1);
  if (existing) return false;
  await insertSecurityEvent(tx, orgId, {
    kind: 'OFF_HOURS_ACCESS',
    userId: event.userId,
    ip: event.ip,
    details: { ...event.details, day: event.day },
  });
  return true;
}
