'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { recordFinding } from '@/lib/violations/record-violation';
import { recordFindingSchema } from '@/lib/zod/schemas/violations';

/** A crew member records what they see on site: a finding (`reported`) for a superintendent to review. */
export const recordFindingAction = tenantAction('org:findings:report', recordFindingSchema, async (input, { tx, ctx }) => {
  const finding = await recordFinding(tx, await requestActor(ctx), input);
  if (!finding) throw PublicError.notFound();
  revalidatePath('/violations');
  revalidatePath('/dashboard');
  return { id: finding.id };
});
