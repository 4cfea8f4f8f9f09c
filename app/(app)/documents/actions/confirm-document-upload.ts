'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { confirmDocumentUpload } from '@/lib/files/confirm-upload';
import { confirmUploadSchema } from '@/lib/zod/schemas/files';

/** Check what arrived in S3 and keep it as the next version of its series (or delete it and say why). */
export const confirmDocumentUploadAction = tenantAction('org:projects:write', confirmUploadSchema, async ({ id }, { tx, ctx }) => {
  const doc = await confirmDocumentUpload(tx, await requestActor(ctx), id);
  revalidatePath(`/projects/${doc.projectId}`);
  return { id: doc.id, version: doc.version, title: doc.title, kind: doc.kind };
});
