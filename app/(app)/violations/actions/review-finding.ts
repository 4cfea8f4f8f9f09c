'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { confirmReportedFinding, dismissReportedFinding } from '@/lib/violations/review-finding';
import { confirmFindingSchema, dismissFindingSchema } from '@/lib/zod/schemas/violations';

function revalidate(id: string) {
  revalidatePath('/violations');
  revalidatePath(`/violations/${id}`);
  revalidatePath('/dashboard');
}

/** Confirm a crew's finding: an open violation with a deadline and a corrective action assigned to someone. */
export const confirmFindingAction = tenantAction('org:findings:review', confirmFindingSchema, async (input, { tx, ctx }) => {
  const result = await confirmReportedFinding(tx, ctx, await requestActor(ctx), input);
  revalidate(input.id);
  return result;
});

/** Dismiss a crew's finding with the reason it is not a violation. */
export const dismissFindingAction = tenantAction('org:findings:review', dismissFindingSchema, async (input, { tx, ctx }) => {
  const result = await dismissReportedFinding(tx, await requestActor(ctx), input);
  revalidate(input.id);
  return result;
});
