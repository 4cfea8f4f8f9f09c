import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/db/queries/audit';
import { createPendingDocument, createPendingPhoto, lockPhoto, photoParent } from '@/db/queries/files';
import { getInspection } from '@/db/queries/inspections';
import { getProject } from '@/db/queries/projects';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { assertStorageAvailable } from '@/lib/billing/limits';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { JOBS, PENDING_UPLOAD_TTL_SECONDS } from '@/lib/jobs/queues';
import { objectKey } from '@/lib/storage/keys';
import { presignUpload, type PresignedUpload } from '@/lib/storage/objects';
import type { QueuedPhotoUploadInput, RequestDocumentUploadInput, RequestPhotoUploadInput } from '@/lib/zod/schemas/files';

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
export async function requestPhotoUpload(
  tx: Tx,
  actor: Actor,
  input: RequestPhotoUploadInput,
  id: string = randomUUID(),
): Promise<UploadTicket> {
  const parent = await photoParent(tx, actor.orgId, input);
  if (!parent) throw PublicError.notFound();
  await assertStorageAvailable(tx, actor.orgId, input.sizeBytes);
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

export type QueuedPhotoTicket = UploadTicket | { id: string; stored: true };

/**
 * A photo taken offline and sent after its inspection: the device's id is the
 * row's primary key (per tenant), so sending it again — the first answer lost
 * on the way — never makes a second photo. Same id again: pending ⇒ a fresh
 * presigned POST for the same key; stored ⇒ `{ stored: true }`, nothing to do;
 * refused or attached elsewhere ⇒ 409. Another tenant's row with the same id is
 * invisible here (RLS and the key's organization_id), so it is a new row.
 */
export async function requestQueuedPhotoUpload(tx: Tx, actor: Actor, input: QueuedPhotoUploadInput): Promise<QueuedPhotoTicket> {
  // Signed meanwhile (a reviewer was faster than the signal): the record can't gain evidence now.
  const inspection = input.inspectionId ? await getInspection(tx, actor.orgId, input.inspectionId) : undefined;
  if (inspection?.signedAt)
    throw PublicError.conflict('The inspection was signed before this photo arrived; attach it to an amendment.');
  const existing = await lockPhoto(tx, actor.orgId, input.id);
  if (!existing) return requestPhotoUpload(tx, actor, input, input.id);
  const same =
    existing.inspectionId === (input.inspectionId ?? null) &&
    existing.violationId === (input.violationId ?? null) &&
    existing.correctiveActionId === (input.correctiveActionId ?? null) &&
    existing.fileName === input.fileName;
  if (!same) throw PublicError.conflict('This photo id was already used for another photo.');
  if (existing.status === 'stored') return { id: existing.id, stored: true };
  if (existing.status !== 'pending') throw PublicError.conflict('This photo was refused. Take it again.');
  return { id: existing.id, upload: await presignUpload(actor.orgId, 'photos', existing.storageKey, existing.contentType) };
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
