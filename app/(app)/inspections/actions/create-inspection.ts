'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { startInspection } from '@/lib/inspections/inspection-form';
import { createInspectionSchema } from '@/lib/zod/schemas/inspections';

/** "New inspection": a draft inspection with its EPA form. Idempotent on the key the page generated. */
export const createInspectionAction = tenantAction(
  'org:forms:submit',
  createInspectionSchema,
  async (input, { tx, ctx }) => {
    const { inspection, replayed } = await startInspection(tx, await requestActor(ctx), input);
    revalidatePath('/inspections');
    return { inspectionId: inspection.id, replayed };
  },
);
