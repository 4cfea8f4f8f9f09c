'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { requestDocumentUpload } from '@/lib/files/request-upload';
import { requestDocumentUploadSchema } from '@/lib/zod/schemas/files';

/** A pending project document (SWPPP, permit / NOI, report, other) and the presigned POST for its bytes. */
export const requestDocumentUploadAction = tenantAction('org:projects:write', requestDocumentUploadSchema, async (input, { tx, ctx }) =>
  requestDocumentUpload(tx, await requestActor(ctx), input),
);
