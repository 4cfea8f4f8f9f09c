import 'server-only';
import { and, eq, isNull, lte, ne, sql } from 'drizzle-orm';
import { memberships, organizations, organizationTombstones, users } from './schema';
import { TABLE } from './tenant-catalog';
import type { Tx } from './tenant';

/**
 * Organization deletion at the database (docs/deletion.md). Every function runs
 * inside the door (withTenant for the org being deleted), so RLS bounds each
 * statement to that org as well as the explicit organization_id filters. Not in
 * db/queries/: the purge walks the catalog rather than one entity, and its
 * isolation is proven by lib/deletion/org-deletion.int.test.ts (another org's
 * rows and objects untouched).
 */

const deletionColumns = {
  name: organizations.name,
  deletionRequestedAt: organizations.deletionRequestedAt,
  deletionRequestedBy: organizations.deletionRequestedBy,
  deletionScheduledFor: organizations.deletionScheduledFor,
  deletionStartedAt: organizations.deletionStartedAt,
};

export type DeletionState = { name: string; deletionRequestedAt: Date | null; deletionRequestedBy: string | null; deletionScheduledFor: Date | null; deletionStartedAt: Date | null };

export async function getDeletionState(tx: Tx, orgId: string): Promise<DeletionState | undefined> {
  const [row] = await tx.select(deletionColumns).from(organizations).where(eq(organizations.organizationId, orgId)).limit(1);
  return row;
}

/** Schedule the deletion (not when one is pending or running); the row before and after, for the audit. */
export async function scheduleDeletion(tx: Tx, orgId: string, requestedBy: string, scheduledFor: Date) {
  const [before] = await tx.select(deletionColumns).from(organizations).where(eq(organizations.organizationId, orgId)).for('update');
  if (!before || before.deletionRequestedAt || before.deletionStartedAt) return { before, after: undefined };
  const [after] = await tx
    .update(organizations)
    .set({ deletionRequestedAt: sql`now()`, deletionRequestedBy: requestedBy, deletionScheduledFor: scheduledFor, updatedAt: new Date() })
    .where(and(eq(organizations.organizationId, orgId), isNull(organizations.deletionStartedAt)))
    .returning(deletionColumns);
  return { before, after };
}

/** Cancel a pending deletion; nothing once it has started (the trigger of drizzle/0036 refuses that too). */
export async function cancelDeletion(tx: Tx, orgId: string) {
  const [before] = await tx.select(deletionColumns).from(organizations).where(eq(organizations.organizationId, orgId)).for('update');
  if (!before?.deletionRequestedAt || before.deletionStartedAt) return { before, after: undefined };
  const [after] = await tx
    .update(organizations)
    .set({ deletionRequestedAt: null, deletionRequestedBy: null, deletionScheduledFor: null, updatedAt: new Date() })
    .where(and(eq(organizations.organizationId, orgId), isNull(organizations.deletionStartedAt)))
    .returning(deletionColumns);
  return { before, after };
}

/** Mark the org "deleting" once its grace period is over; the state after (started or not). */
export async function startDeletion(tx: Tx, orgId: string): Promise<DeletionState | undefined> {
  await tx
    .update(organizations)
    .set({ deletionStartedAt: sql`now()`, active: false, updatedAt: new Date() })
    .where(and(eq(organizations.organizationId, orgId), isNull(organizations.deletionStartedAt), lte(organizations.deletionScheduledFor, sql`now()`)));
  return getDeletionState(tx, orgId);
}

/** Delete up to `limit` rows of the org from `table` (a name from tenantTablesInDeleteOrder); how many went. */
export async function deleteTenantRows(tx: Tx, orgId: string, table: string, limit: number): Promise<number> {
  if (!TABLE.test(table)) throw new Error('not a table name from the catalog');
  const t = sql.identifier(table);
  const rows = await tx.execute(
    sql`delete from ${t} where organization_id = ${orgId} and ctid = any (array(select ctid from ${t} where organization_id = ${orgId} limit ${limit}))`,
  );
  return (rows as unknown as { count: number }).count;
}

/** Rows of the org left in `table` (the tests' catalog walk and the job's final check). */
export async function countTenantRows(tx: Tx, orgId: string, table: string): Promise<number> {
  if (!TABLE.test(table)) throw new Error('not a table name from the catalog');
  const [row] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where organization_id = ${orgId}`)) as unknown as { n: number }[];
  return row!.n;
}

/** The org's members (for their identities and rate-limit keys). */
export async function memberUserIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organizationId, orgId));
  return rows.map((r) => r.userId);
}

/**
 * Run as that member (app.current_user = userId): the memberships policy shows them all of
 * their own memberships, and the users policy lets them delete their own row. Their identity
 * row goes when this org was their only one; false when they belong to another org too.
 */
export async function deleteIdentityIfOnlyHere(tx: Tx, orgId: string, userId: string): Promise<boolean> {
  const elsewhere = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.organizationId, orgId)))
    .limit(1);
  if (elsewhere.length) return false;
  await tx.delete(users).where(eq(users.id, userId));
  return true;
}

/** The last step: the org's own row goes and its tombstone is written, in one transaction. */
export async function replaceWithTombstone(tx: Tx, orgId: string, state: DeletionState): Promise<void> {
  await tx
    .insert(organizationTombstones)
    .values({ deletedOrgId: orgId, requestedBy: state.deletionRequestedBy ?? 'unknown', requestedAt: state.deletionRequestedAt ?? new Date() })
    .onConflictDoNothing();
  await tx.delete(organizations).where(eq(organizations.organizationId, orgId));
}

export async function getTombstone(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(organizationTombstones).where(eq(organizationTombstones.deletedOrgId, orgId)).limit(1);
  return row;
}
