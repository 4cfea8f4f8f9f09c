'use server';

import { revalidatePath } from 'next/cache';
import { countOwners, lockMembership, removeMember } from '@/db/queries/members';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { assertLocalMembers } from '@/lib/members/local-only';
import { membershipChangeRefusal } from '@/lib/members/rules';
import { removeMemberSchema } from '@/lib/zod/schemas/settings';

/** Local mode: remove a member; their still-valid session can't write from the next request on. */
export const removeMemberAction = tenantAction(
  'org:members:manage',
  removeMemberSchema,
  async function removeMemberAction(input, { tx, ctx }) {
    assertLocalMembers();
    const target = await lockMembership(tx, ctx.orgId, input.membershipId);
    if (!target) throw PublicError.notFound();
    const refusal = membershipChangeRefusal({
      actorRole: ctx.role,
      actorUserId: ctx.userId,
      target,
      owners: await countOwners(tx, ctx.orgId),
    });
    if (refusal) throw PublicError.conflict(refusal);
    await removeMember(tx, await requestActor(ctx), target.id);
    revalidatePath('/members');
    return { removed: true };
  },
  // Sensitive (docs/auth.md, step-up): a second factor verified in the last 10 minutes.
  { stepUp: true },
);
