import 'server-only';
import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { auditLog, memberships, users } from '../schema';
import type { Tx } from '../tenant';
import { olderThan } from './keyset';
import { noteWrite } from '../obligations-touched';

/** Who did it and from where; filled by the action/route wrappers from the request. */
export interface Actor {
  orgId: string;
  userId: string;
  ip?: string | null;
  userAgent?: string | null;
}

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'sign'
  | 'publish'
  | 'submit'
  | 'archive'
  | 'amend'
  | 'return'
  | 'seal'
  | 'transition'
  | 'provision'
  | 'deactivate'
  // An organization's deletion (docs/deletion.md): requested, cancelled within the grace period, started.
  | 'request_deletion'
  | 'cancel_deletion'
  | 'start_deletion'
  // Retention (docs/retention.md): legal holds placed and released, a purge run and what it removed.
  | 'place_hold'
  | 'release_hold'
  | 'purge'
  // An organization data export (docs/export.md): requested, run by the job, its zip handed out.
  | 'request_export'
  | 'run_export'
  | 'download_export'
  // Break-glass support reads (lib/support/break-glass.ts): a read by the operator is evidence too.
  | 'read';

const IGNORED = new Set(['updatedAt', 'createdAt']);

/** Only the fields that changed, on both sides, so the log reads as a diff. */
function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/**
 * Record a change in the same transaction as the change itself: if the write
 * rolls back, so does its audit row, and a committed write always has one.
 */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: AuditAction; entityType: string; entityId: string; before?: object | null; after?: object | null },
) {
  noteWrite(tx, entry);
  const { before, after } = diffRecords(
    (entry.before ?? null) as Record<string, unknown> | null,
    (entry.after ?? null) as Record<string, unknown> | null,
  );
  await tx.insert(auditLog).values({
    organizationId: actor.orgId,
    actorUserId: actor.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before,
    after,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent?.slice(0, 500) ?? null,
  });
}

export interface AuditFilter {
  entityType?: string;
  actorUserId?: string;
  action?: string;
  since?: Date;
  until?: Date;
  before?: { createdAt: Date; id: string };
  limit: number;
}

export async function listAudit(tx: Tx, orgId: string, f: AuditFilter) {
  const conds: (SQL | undefined)[] = [
    eq(auditLog.organizationId, orgId),
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.actorUserId ? eq(auditLog.actorUserId, f.actorUserId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.since ? gte(auditLog.createdAt, f.since) : undefined,
    f.until ? lt(auditLog.createdAt, f.until) : undefined,
    olderThan(auditLog, f.before),
  ];
  return tx
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(f.limit + 1);
}

/** The entity types and actions this tenant's log holds: the options of the audit page's filters. */
export async function auditFacets(tx: Tx, orgId: string) {
  const [entityTypes, actions] = await Promise.all([
    tx
      .selectDistinct({ v: auditLog.entityType })
      .from(auditLog)
      .where(eq(auditLog.organizationId, orgId))
      .orderBy(asc(auditLog.entityType)),
    tx
      .selectDistinct({ v: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, orgId))
      .orderBy(asc(auditLog.action)),
  ]);
  return { entityTypes: entityTypes.map((r) => r.v), actions: actions.map((r) => r.v) };
}

export interface Member {
  userId: string;
  name: string;
  role: (typeof memberships.$inferSelect)['role'];
}

/**
 * The tenant's members with a display name ("Olivia Owens", else the email,
 * else the id), for "who did it" on audit and violation pages and for pickers.
 * RLS shows a user row only to organizations the user is a member of.
 */
export async function listMembers(tx: Tx, orgId: string): Promise<Member[]> {
  const rows = await tx
    .select({
      userId: memberships.userId,
      role: memberships.role,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(memberships)
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, orgId))
    .orderBy(asc(users.firstName), asc(memberships.userId));
  return rows.map((r) => ({
    userId: r.userId,
    role: r.role,
    name: [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email || r.userId,
  }));
}
