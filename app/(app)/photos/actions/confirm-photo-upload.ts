'use server';

import { revalidatePath } from 'next/cache';
import { getFileSettings } from '@/db/queries/files';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { confirmPhotoUpload } from '@/lib/files/confirm-upload';
import { photoViews } from '@/lib/files/download';
import { confirmUploadSchema } from '@/lib/zod/schemas/files';

/** Check what arrived in S3 and keep it (or delete it and say why); returns the photo as the page shows it. */
export const confirmPhotoUploadAction = tenantAction('org:photos:upload', confirmUploadSchema, async ({ id }, { tx, ctx }) => {
  const photo = await confirmPhotoUpload(tx, await requestActor(ctx), id);
  if (photo.inspectionId) revalidatePath(`/inspections/${photo.inspectionId}`);
  if (photo.violationId) revalidatePath(`/violations/${photo.violationId}`);
  const [view] = await photoViews(ctx.orgId, [photo], (await getFileSettings(tx, ctx.orgId)).timezone);
  return view!;
});
