'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { releaseHold } from '@/lib/retention/holds';
import { releaseHoldSchema } from '@/lib/zod/schemas/retention';

/** Owners and admins, with a recent second factor: a released hold lets the next purge remove records. */
export const releaseHoldAction = tenantAction(
  'org:retention:manage',
  releaseHoldSchema,
  async function releaseHoldAction(input, { tx, ctx }) {
    const hold = await releaseHold(tx, await requestActor(ctx), input.holdId);
    revalidatePath('/settings/retention');
    return { id: hold.id };
  },
  { stepUp: true },
);
