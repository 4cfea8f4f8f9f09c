'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { placeHold } from '@/lib/retention/holds';
import { placeHoldSchema } from '@/lib/zod/schemas/retention';

/** Owners and admins. No step-up: a hold only ever keeps records (releasing one asks for it). */
export const placeHoldAction = tenantAction('org:retention:manage', placeHoldSchema, async function placeHoldAction(input, { tx, ctx }) {
  const hold = await placeHold(tx, await requestActor(ctx), input);
  revalidatePath('/settings/retention');
  return { id: hold.id };
});
