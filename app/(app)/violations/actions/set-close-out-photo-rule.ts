'use server';

import { revalidatePath } from 'next/cache';
import { setFixedRequiresPhoto } from '@/db/queries/files';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { fileSettingsSchema } from '@/lib/zod/schemas/files';

/** Org setting: a corrective action can be marked fixed only once a close-out photo is stored. */
export const setCloseOutPhotoRuleAction = tenantAction('org:settings:manage', fileSettingsSchema, async ({ fixedRequiresPhoto }, { tx, ctx }) => {
  await setFixedRequiresPhoto(tx, await requestActor(ctx), fixedRequiresPhoto);
  revalidatePath('/violations');
  return { fixedRequiresPhoto };
}, { stepUp: true });
