'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { saveInspectionDraft } from '@/lib/inspections/inspection-form';
import { saveInspectionDraftSchema } from '@/lib/zod/schemas/inspections';

/** Autosave of a draft inspection's form. No revalidation: nothing listed changes until submit. */
export const saveInspectionDraftAction = tenantAction(
  'org:forms:submit',
  saveInspectionDraftSchema,
  async (input, { tx, ctx }) => saveInspectionDraft(tx, await requestActor(ctx), input),
);
