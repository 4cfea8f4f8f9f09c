'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { amendInspectionWithForm } from '@/lib/inspections/inspection-form';
import { inspectionIdSchema } from '@/lib/zod/schemas/inspections';

/** A signed inspection is never overwritten: this makes a new draft revision that amends it. */
export const amendInspectionAction = tenantAction(
  'org:inspections:write',
  inspectionIdSchema,
  async (input, { tx, ctx }) => {
    const amendment = await amendInspectionWithForm(tx, await requestActor(ctx), input.inspectionId);
    revalidatePath('/inspections');
    revalidatePath(`/inspections/${input.inspectionId}`);
    return { inspectionId: amendment.id, revision: amendment.revision };
  },
);
