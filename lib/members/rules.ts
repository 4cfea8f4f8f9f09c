import type { Role } from '@/lib/rbac/permissions';

/**
 * Who may change whose membership (docs/members.md). Admins manage members
 * but not owners: only an owner can make, demote or remove an owner, so an
 * admin can't lock the owners out. Nobody changes their own role or removes
 * themself here (the last owner would leave the company ownerless; others
 * leave through their account menu in Clerk mode). The last owner can't be
 * demoted. Returns the refusal message, or null when allowed.
 */
export function membershipChangeRefusal(input: {
  actorRole: Role;
  actorUserId: string;
  target: { userId: string; role: Role };
  /** The new role; undefined for a removal. */
  newRole?: Role;
  owners: number;
}): string | null {
  const { actorRole, actorUserId, target, newRole, owners } = input;
  if (target.userId === actorUserId) return 'You can’t change or remove your own membership. Ask another owner.';
  const touchesOwner = target.role === 'owner' || newRole === 'owner';
  if (touchesOwner && actorRole !== 'owner') return 'Only an owner can make, change or remove an owner.';
  if (target.role === 'owner' && newRole !== 'owner' && owners <= 1) return 'The organization needs at least one owner.';
  return null;
}

/** Roles an inviter may hand out: admins can't invite owners. */
export function canInviteAs(actorRole: Role, role: Role): boolean {
  return role !== 'owner' || actorRole === 'owner';
}
