import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/db/queries/audit';
import { createPendingDocument, createPendingPhoto, photoParent } from '@/db/queries/files';
import { getProject } from '@/db/queries/projects';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { assertStorageAvailable } from '@/lib/billing/limits';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { JOBS, PENDING_UPLOAD_TTL_SECONDS } from '@/lib/jobs/queues';
import { objectKey } from '@/lib/storage/keys';
import { presignUpload, type PresignedUpload } from '@/lib/storage/objects';
import type { RequestDocumentUploadInput, RequestPhotoUploadInput } from '@/lib/zod/schemas/files';

export interface UploadTicket {
  id: string;
  upload: PresignedUpload;
}

/**
 * Step 1 of an upload: a `pending` row and a presigned POST for exactly its key,
 * type and size range. The browser then sends the bytes straight to S3 (never
 * through this server) and calls confirm. If confirm never comes, the cleanup
 * job enqueued here, in the same transaction, removes row and object an hour later.
 */
export async function requestPhotoUpload(tx: Tx, actor: Actor, input: RequestPhotoUploadInput): Promise<UploadTicket> {
  const parent = await photoParent(tx, actor.orgId, input);
  if (!parent) throw PublicError.notFound();
  await assertStorageAvailable(tx, actor.orgId, input.sizeBytes);
  const id = randomUUID();
  const storageKey = objectKey(actor.orgId, 'photos', id, input.fileName);
  // Presign first: when storage is down nothing is written.
  const upload = await presignUpload(actor.orgId, 'photos', storageKey, input.contentType);
  await createPendingPhoto(tx, actor, {
    id,
    ...parent,
    bmpItemKey: input.inspectionId ? (input.bmpItemKey ?? null) : null,
    caption: input.caption ?? null,
    storageKey,
    fileName: input.fileName,
    contentType: input.contentType,
    sizeBytes: input.sizeBytes,
  });
  await enqueueJob(tx, JOBS.expirePendingUpload, { orgId: actor.orgId, kind: 'photos', id }, { startAfterSeconds: PENDING_UPLOAD_TTL_SECONDS + 60 });
  return { id, upload };
}

export async function requestDocumentUpload(tx: Tx, actor: Actor, input: RequestDocumentUploadInput): Promise<UploadTicket> {
  if (!(await getProject(tx, actor.orgId, input.projectId))) throw PublicError.notFound();
  await assertStorageAvailable(tx, actor.orgId, input.sizeBytes);
  const id = randomUUID();
  const storageKey = objectKey(actor.orgId, 'documents', id, input.fileName);
  const upload = await presignUpload(actor.orgId, 'documents', storageKey, input.contentType);
  await createPendingDocument(tx, actor, {
    id,
    projectId: input.projectId,
    kind: input.kind,
    title: input.title,
    storageKey,
    fileName: input.fileName,
    contentType: input.contentType,
    sizeBytes: input.sizeBytes,
  });
  await enqueueJob(tx, JOBS.expirePendingUpload, { orgId: actor.orgId, kind: 'documents', id }, { startAfterSeconds: PENDING_UPLOAD_TTL_SECONDS + 60 });
  return { id, upload };
}
