'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { returnInspectionToAuthor } from '@/lib/inspections/return-inspection';
import { returnInspectionSchema } from '@/lib/zod/schemas/inspections';

/**
 * A reviewer returns a submitted, unsigned report to its author with a
 * comment: it becomes a draft again (answers kept), the author sees the
 * comment on the inspection, edits and resubmits. Audited as `return`.
 */
export const returnInspectionAction = tenantAction(
  'org:inspections:review',
  returnInspectionSchema,
  async (input, { tx, ctx }) => {
    await returnInspectionToAuthor(tx, await requestActor(ctx), input);
    revalidatePath('/inspections');
    revalidatePath(`/inspections/${input.inspectionId}`);
    return { inspectionId: input.inspectionId };
  },
);
