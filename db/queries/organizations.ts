import 'server-only';
import { and, eq } from 'drizzle-orm';
import { memberships, organizations, users } from '../schema';
import type { Tx } from '../tenant';

export type NewOrganization = typeof organizations.$inferInsert;

/** The current tenant's own row (RLS also admits orgs the user belongs to; we ask for ours). */
export async function getOrganization(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.organizationId, orgId)).limit(1);
  return row;
}

export async function insertOrganization(tx: Tx, org: NewOrganization) {
  const [row] = await tx.insert(organizations).values(org).returning();
  return row!;
}

export async function listMembers(tx: Tx, orgId: string) {
  return tx
    .select({ userId: memberships.userId, role: memberships.role, email: users.email, firstName: users.firstName, lastName: users.lastName })
    .from(memberships)
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, orgId))
    .orderBy(users.lastName, users.firstName, memberships.userId);
}

export async function getMembership(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}
