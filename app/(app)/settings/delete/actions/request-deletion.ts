'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { requestOrganizationDeletion } from '@/lib/deletion/request-deletion';
import { requestDeletionSchema } from '@/lib/zod/schemas/deletion';

/** Owners only, with a recent second factor and the org's name typed: schedules the deletion after the grace period. */
export const requestDeletionAction = tenantAction(
  'org:organization:delete',
  requestDeletionSchema,
  async function requestDeletionAction(input, { tx, ctx }) {
    const { scheduledFor } = await requestOrganizationDeletion(tx, await requestActor(ctx), input.confirmName);
    revalidatePath('/', 'layout');
    return { scheduledFor: scheduledFor.toISOString() };
  },
  { stepUp: true },
);
