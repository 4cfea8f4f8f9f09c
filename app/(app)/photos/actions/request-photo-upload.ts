'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { requestPhotoUpload } from '@/lib/files/request-upload';
import { requestPhotoUploadSchema } from '@/lib/zod/schemas/files';

/** A pending photo on an inspection (BMP item), violation or close-out, and the presigned POST for its bytes. */
export const requestPhotoUploadAction = tenantAction('org:photos:upload', requestPhotoUploadSchema, async (input, { tx, ctx }) =>
  requestPhotoUpload(tx, await requestActor(ctx), input),
);
