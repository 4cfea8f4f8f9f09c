import 'server-only';
import { addMembership, lockInvitationByHash, markInvitationAccepted } from '@/db/queries/members';
import { getOrganization } from '@/db/queries/organizations';
import { upsertUser } from '@/db/queries/users';
import { withTenant } from '@/db/tenant';
import type { Actor } from '@/db/queries/audit';
import { PublicError } from '@/lib/api/errors';
import { tenantCache } from '@/lib/cache';
import { parseInvitationToken } from './invite-token';

export const INVALID_INVITATION = 'This invitation link is not valid any more: it was used, withdrawn or has expired. Ask for a new one.';

/**
 * Turn an invitation into a membership, once. Runs as the invited tenant
 * (named by the token, found by the hash of its secret), as the joining user:
 * RLS lets that user create their own user row and nothing else of anyone's.
 * Unknown, used, revoked and expired links all get the same answer.
 */
export async function acceptInvitation(
  token: string,
  who: { userId: string; isNew: boolean; firstName: string; lastName: string },
  now: Date = new Date(),
) {
  const parsed = parseInvitationToken(token);
  if (!parsed) throw PublicError.notFound(INVALID_INVITATION);
  const { orgId, tokenHash } = parsed;
  const actor: Actor = { orgId, userId: who.userId, ip: null, userAgent: null };
  await withTenant({ orgId, userId: who.userId }, async (tx) => {
    const invitation = await lockInvitationByHash(tx, orgId, tokenHash);
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) throw PublicError.notFound(INVALID_INVITATION);
    const org = await getOrganization(tx, orgId);
    if (!org?.active) throw PublicError.notFound(INVALID_INVITATION);
    if (who.isNew) await upsertUser(tx, { id: who.userId, email: invitation.email, firstName: who.firstName, lastName: who.lastName });
    await addMembership(tx, actor, who.userId, invitation.role);
    await markInvitationAccepted(tx, actor, invitation.id);
  });
  // A new member changes who may write: drop the tenant's cached facts (lib/members/current-membership.ts).
  await tenantCache({ orgId, userId: who.userId }).invalidate();
  return { orgId };
}
