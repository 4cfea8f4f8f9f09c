'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { cancelOrganizationDeletion } from '@/lib/deletion/request-deletion';
import { cancelDeletionSchema } from '@/lib/zod/schemas/deletion';

/**
 * Any owner, within the grace period. No step-up: stopping a deletion must be the easiest
 * thing on the page, and it only ever keeps data.
 */
export const cancelDeletionAction = tenantAction(
  'org:organization:delete',
  cancelDeletionSchema,
  async function cancelDeletionAction(_input, { tx, ctx }) {
    const result = await cancelOrganizationDeletion(tx, await requestActor(ctx));
    revalidatePath('/', 'layout');
    return result;
  },
);
