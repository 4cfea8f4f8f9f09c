'use server';

import { revalidatePath } from 'next/cache';
import { createInvitation, memberWithEmail } from '@/db/queries/members';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { assertLocalMembers } from '@/lib/members/local-only';
import { assertSeatAvailable } from '@/lib/billing/limits';
import { INVITATION_TTL_DAYS, newInvitationToken } from '@/lib/members/invite-token';
import { canInviteAs } from '@/lib/members/rules';
import { inviteMemberSchema } from '@/lib/zod/schemas/settings';

/**
 * Local mode: an invitation link for `email` with `role`, valid for 7 days.
 * Refused past the plan's user limit (members + open invitations). The link
 * is returned once, to the inviter; only the token's hash is stored.
 */
export const inviteMemberAction = tenantAction(
  'org:members:manage',
  inviteMemberSchema,
  async function inviteMemberAction(input, { tx, ctx }) {
    assertLocalMembers();
    if (!canInviteAs(ctx.role, input.role)) throw PublicError.forbidden('Only an owner can invite an owner.');
    if (await memberWithEmail(tx, ctx.orgId, input.email)) throw PublicError.conflict(`${input.email} is already a member.`);
    const now = new Date();
    await assertSeatAvailable(tx, ctx.orgId, now);
    const { token, tokenHash } = newInvitationToken(ctx.orgId);
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
    const row = await createInvitation(tx, await requestActor(ctx), { email: input.email, role: input.role, tokenHash, expiresAt });
    revalidatePath('/members');
    return { id: row.id, path: `/invite/${token}`, expiresAt: expiresAt.toISOString() };
  },
);
