'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { submitInspectionForm } from '@/lib/inspections/inspection-form';
import { submitInspectionSchema } from '@/lib/zod/schemas/inspections';

/**
 * Submit an inspection's form: validated against its template version; the
 * result is `{ status: 'invalid', fieldErrors }` (every field) or `submitted`.
 * Retrying with the same data returns the first result (`replayed`).
 */
export const submitInspectionAction = tenantAction(
  'org:forms:submit',
  submitInspectionSchema,
  async (input, { tx, ctx }) => {
    const outcome = await submitInspectionForm(tx, await requestActor(ctx), input);
    if (outcome.status === 'submitted') {
      revalidatePath('/inspections');
      revalidatePath(`/inspections/${input.inspectionId}`);
    }
    return outcome;
  },
);
