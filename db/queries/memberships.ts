import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { memberships, organizations } from '../schema';
import type { Tx } from '../tenant';

export type OrgRole = (typeof memberships.$inferSelect)['role'];

/**
 * The organizations a user belongs to, for the org picker and switcher.
 * Runs under withIdentity(userId): RLS shows the user's own memberships and
 * the organizations they are a member of, nothing else.
 */
export async function listUserMemberships(tx: Tx, userId: string) {
  return tx
    .select({
      orgId: organizations.organizationId,
      name: organizations.name,
      slug: organizations.slug,
      active: organizations.active,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.organizationId, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/**
 * The user's own membership in the organization with this slug (subdomain
 * routing, lib/auth/subdomain.ts). Runs under withIdentity(userId): RLS shows
 * only the user's memberships and their organizations, so a slug of an
 * organization the user is not in finds nothing, exactly like a slug that
 * does not exist. Explicit filters on both anyway. Reads at most two rows:
 * our table mirrors Clerk (where slugs are unique) through webhooks that may
 * arrive out of order, so a transient duplicate is reported, not guessed.
 */
export async function findUserMembershipsBySlug(tx: Tx, userId: string, slug: string) {
  return tx
    .select({
      orgId: organizations.organizationId,
      slug: organizations.slug,
      active: organizations.active,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.organizationId, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, slug)))
    .limit(2);
}

/** Insert or update one membership of the current tenant (Clerk webhook sync). */
export async function upsertMembership(tx: Tx, orgId: string, userId: string, role: OrgRole) {
  await tx
    .insert(memberships)
    .values({ organizationId: orgId, userId, role })
    .onConflictDoUpdate({
      target: [memberships.organizationId, memberships.userId],
      set: { role, updatedAt: new Date() },
    });
}

export async function deleteMembership(tx: Tx, orgId: string, userId: string) {
  await tx.delete(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
}

/** One user's membership in the current tenant, or undefined (the Clerk webhook sync reads the role it replaces). */
export async function getMembership(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}
