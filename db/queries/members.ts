import 'server-only';
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import { invitations, memberships, users } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import type { OrgRole } from './memberships';

/** The members page: every member with name, email and role (RLS shows users of this tenant only). */
export async function listMemberRows(tx: Tx, orgId: string) {
  const rows = await tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      since: memberships.createdAt,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(memberships)
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, orgId))
    .orderBy(asc(users.firstName), asc(memberships.userId));
  return rows.map((r) => ({ ...r, name: [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email || r.userId }));
}

/** Members plus open invitations: what the user limit counts (an invitation holds a seat until it lapses). */
export async function seatsTaken(tx: Tx, orgId: string, now: Date): Promise<{ members: number; invited: number }> {
  const [m] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, orgId));
  const [i] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.organizationId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
  return { members: m?.n ?? 0, invited: i?.n ?? 0 };
}

export async function countOwners(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, 'owner')));
  return row?.n ?? 0;
}

/** One membership by its id, locked for the change that follows. */
export async function lockMembership(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.id, id)))
    .for('update');
  return row;
}

/** A new role for the membership the caller locked (`before`: lockMembership's row); audited old → new. */
export async function setMemberRole(tx: Tx, actor: Actor, before: { id: string; userId?: string; role?: OrgRole }, role: OrgRole) {
  const [after] = await tx
    .update(memberships)
    .set({ role, updatedAt: new Date() })
    .where(and(eq(memberships.organizationId, actor.orgId), eq(memberships.id, before.id)))
    .returning({ userId: memberships.userId, role: memberships.role });
  if (!after) return undefined;
  await recordAudit(tx, actor, { action: 'update', entityType: 'membership', entityId: before.id, before: { userId: after.userId, role: before.role }, after });
  return after;
}

export async function removeMember(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .delete(memberships)
    .where(and(eq(memberships.organizationId, actor.orgId), eq(memberships.id, id)))
    .returning({ userId: memberships.userId, role: memberships.role });
  if (row) await recordAudit(tx, actor, { action: 'delete', entityType: 'membership', entityId: id, before: row });
  return row;
}

/** A new member (an accepted invitation, a created organization's owner); audited. */
export async function addMembership(tx: Tx, actor: Actor, userId: string, role: OrgRole) {
  const [row] = await tx
    .insert(memberships)
    .values({ organizationId: actor.orgId, userId, role })
    .onConflictDoNothing()
    .returning({ id: memberships.id, userId: memberships.userId, role: memberships.role });
  if (row) await recordAudit(tx, actor, { action: 'create', entityType: 'membership', entityId: row.id, after: { userId, role } });
  return row;
}

export type NewInvitation = { email: string; role: OrgRole; tokenHash: string; expiresAt: Date };

export async function createInvitation(tx: Tx, actor: Actor, values: NewInvitation) {
  const [row] = await tx
    .insert(invitations)
    .values({ organizationId: actor.orgId, ...values, emailNormalized: values.email.trim().toLowerCase(), invitedBy: actor.userId })
    .returning();
  // The token hash stays out of the audit log: the log is readable by more people than the link is meant for.
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'invitation',
    entityId: row!.id,
    after: { email: row!.email, role: row!.role, expiresAt: row!.expiresAt },
  });
  return row!;
}

/** Open invitations, newest first (the members page). */
export async function listOpenInvitations(tx: Tx, orgId: string, now: Date) {
  return tx
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.organizationId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.createdAt));
}

/** An invitation by the hash of its token, locked; whether it is still usable is the caller's call. */
export async function lockInvitationByHash(tx: Tx, orgId: string, invitationHash: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, orgId), eq(invitations.tokenHash, invitationHash)))
    .for('update');
  return row;
}

export async function markInvitationAccepted(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedBy: actor.userId, updatedAt: new Date() })
    .where(and(eq(invitations.organizationId, actor.orgId), eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id, acceptedAt: invitations.acceptedAt });
  if (row) await recordAudit(tx, actor, { action: 'update', entityType: 'invitation', entityId: id, before: { acceptedAt: null }, after: { acceptedAt: row.acceptedAt, acceptedBy: actor.userId } });
  return row;
}

export async function revokeInvitation(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(invitations.organizationId, actor.orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id, email: invitations.email, revokedAt: invitations.revokedAt });
  if (row) await recordAudit(tx, actor, { action: 'update', entityType: 'invitation', entityId: id, before: { revokedAt: null }, after: { revokedAt: row.revokedAt } });
  return row;
}

/** A member with this email (an invitation to someone already in is refused). */
export async function memberWithEmail(tx: Tx, orgId: string, email: string) {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(users.emailNormalized, email.trim().toLowerCase())))
    .limit(1);
  return row;
}
