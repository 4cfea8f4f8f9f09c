'use server';

import { revalidatePath } from 'next/cache';
import { countOwners, lockMembership, setMemberRole } from '@/db/queries/members';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { assertLocalMembers } from '@/lib/members/local-only';
import { membershipChangeRefusal } from '@/lib/members/rules';
import { changeMemberRoleSchema } from '@/lib/zod/schemas/settings';

/** Local mode: give a member another role; effective at their next write (lib/members/current-membership.ts). */
export const changeMemberRoleAction = tenantAction(
  'org:members:manage',
  changeMemberRoleSchema,
  async function changeMemberRoleAction(input, { tx, ctx }) {
    assertLocalMembers();
    const target = await lockMembership(tx, ctx.orgId, input.membershipId);
    if (!target) throw PublicError.notFound();
    if (target.role === input.role) return { changed: false };
    const refusal = membershipChangeRefusal({
      actorRole: ctx.role,
      actorUserId: ctx.userId,
      target,
      newRole: input.role,
      owners: await countOwners(tx, ctx.orgId),
    });
    if (refusal) throw PublicError.conflict(refusal);
    await setMemberRole(tx, await requestActor(ctx), target, input.role);
    revalidatePath('/members');
    return { changed: true };
  },
  // Sensitive (docs/auth.md, step-up): a second factor verified in the last 10 minutes.
  { stepUp: true },
);
