import 'server-only';
import type { Actor } from '@/db/queries/audit';
import { getFileSettings, lockDocument, lockPhoto, markDocumentStored, markPhotoStored, type DocumentRow, type Photo } from '@/db/queries/files';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { JOBS } from '@/lib/jobs/queues';
import { isTakenAtSuspect, readPhotoExif } from '@/lib/photos/exif';
import { deleteObject, inspectObject, type ObjectFacts } from '@/lib/storage/objects';
import type { FileKind } from '@/lib/storage/rules';
import { objectProblem } from './check-object';

/** A refused file: the object is gone, the row stays pending until the cleanup job, the message says why. */
function refused(message: string) {
  return new PublicError('unprocessable', message);
}

async function checkedObject(kind: FileKind, orgId: string, row: Photo | DocumentRow): Promise<Omit<ObjectFacts, 'etag'> & { etag: string | null }> {
  if (row.status === 'stored') throw PublicError.conflict('This upload was already confirmed.');
  if (row.status === 'rejected') throw PublicError.conflict('This upload was refused. Upload the file again.');
  const facts = await inspectObject(orgId, kind, row.storageKey);
  if (!facts) throw PublicError.conflict('No file has arrived for this upload yet. Upload it, then confirm.');
  const problem = await objectProblem(kind, orgId, row, facts);
  if (problem) {
    await deleteObject(orgId, kind, row.storageKey);
    throw refused(problem);
  }
  return { ...facts, etag: facts.etag ?? null };
}

/**
 * Step 2: the server looks at what actually arrived (HEAD + first bytes) and
 * only then marks the row `stored`. Anything wrong ⇒ the object is deleted and
 * the answer says why; a second confirm of a stored row is refused.
 */
export async function confirmPhotoUpload(tx: Tx, actor: Actor, id: string, now = new Date()): Promise<Photo> {
  const row = await lockPhoto(tx, actor.orgId, id);
  if (!row) throw PublicError.notFound();
  const facts = await checkedObject('photos', actor.orgId, row);
  const { timezone } = await getFileSettings(tx, actor.orgId);
  const exif = await readPhotoExif(facts.head, timezone);
  const stored = await markPhotoStored(tx, actor, id, {
    sizeBytes: facts.size,
    etag: facts.etag,
    storedAt: now,
    takenAt: exif.takenAt,
    latitude: exif.latitude,
    longitude: exif.longitude,
    takenAtSuspect: isTakenAtSuspect(exif.takenAt, now),
  });
  await enqueueJob(tx, JOBS.photoThumbnail, { orgId: actor.orgId, id }, { singletonKey: id });
  return stored;
}

/** Confirm for the offline outbox: a second confirm of a stored photo (the first answer lost) is a replay, not an error. */
export async function confirmPhotoUploadOnce(tx: Tx, actor: Actor, id: string): Promise<{ photo: Photo; replayed: boolean }> {
  const row = await lockPhoto(tx, actor.orgId, id);
  if (row?.status === 'stored') return { photo: row, replayed: true };
  return { photo: await confirmPhotoUpload(tx, actor, id), replayed: false };
}

export async function confirmDocumentUpload(tx: Tx, actor: Actor, id: string, now = new Date()): Promise<DocumentRow> {
  const row = await lockDocument(tx, actor.orgId, id);
  if (!row) throw PublicError.notFound();
  const facts = await checkedObject('documents', actor.orgId, row);
  const stored = await markDocumentStored(tx, actor, row, { sizeBytes: facts.size, etag: facts.etag, storedAt: now });
  // The row was locked pending above, so this is only a defence: never report an unconfirmed upload as stored.
  if (!stored) throw PublicError.notFound();
  return stored;
}
