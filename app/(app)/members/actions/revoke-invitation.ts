'use server';

import { revalidatePath } from 'next/cache';
import { revokeInvitation } from '@/db/queries/members';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { revokeInvitationSchema } from '@/lib/zod/schemas/settings';

/** Withdraw an open invitation: its link stops working and its seat is free again. */
export const revokeInvitationAction = tenantAction(
  'org:members:manage',
  revokeInvitationSchema,
  async function revokeInvitationAction(input, { tx, ctx }) {
    const row = await revokeInvitation(tx, await requestActor(ctx), input.invitationId);
    if (!row) throw PublicError.notFound();
    revalidatePath('/members');
    return { revoked: true };
  },
);
