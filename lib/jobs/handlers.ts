import 'server-only';
import sharp from 'sharp';
import { deleteExpiredPending, getStoredPhoto, setPhotoThumbnail } from '@/db/queries/files';
import { deletePublicAccessEventsBefore } from '@/db/queries/inspector-visits';
import { withoutTenant } from '@/db/public';
import { withTenant } from '@/db/tenant';
import { deleteObject, putObject, readObject } from '@/lib/storage/objects';
import { thumbnailKey } from '@/lib/storage/keys';
import { JOB_USER, JOBS, PENDING_UPLOAD_TTL_SECONDS, PUBLIC_ACCESS_RETENTION_DAYS } from './queues';

type Data<K extends keyof typeof JOBS> = ReturnType<(typeof JOBS)[K]['data']['parse']>;

/**
 * An upload nobody confirmed within the hour: row and object go (the object may
 * never have arrived). A row confirmed meanwhile is left alone.
 */
export async function expirePendingUpload(data: Data<'expirePendingUpload'>, now = new Date()): Promise<'deleted' | 'kept'> {
  const actor = { orgId: data.orgId, userId: JOB_USER };
  const before = new Date(now.getTime() - PENDING_UPLOAD_TTL_SECONDS * 1000);
  return withTenant(actor, async (tx) => {
    const row = await deleteExpiredPending(tx, actor, data.kind, data.id, before);
    if (!row) return 'kept';
    // Inside the transaction: if S3 is down the job fails, the row stays, and pg-boss retries.
    await deleteObject(data.orgId, data.kind, row.storageKey);
    return 'deleted';
  });
}

/** A 480 px WebP of a stored photo, for lists; the photo was already resized in the browser. */
export async function makePhotoThumbnail(data: Data<'photoThumbnail'>): Promise<'made' | 'skipped'> {
  const actor = { orgId: data.orgId, userId: JOB_USER };
  const photo = await withTenant(actor, (tx) => getStoredPhoto(tx, data.orgId, data.id));
  if (!photo || photo.thumbnailKey) return 'skipped';
  const original = await readObject(data.orgId, 'photos', photo.storageKey);
  if (!original) return 'skipped';
  const thumb = await sharp(original, { limitInputPixels: 80_000_000 })
    .rotate()
    .resize(480, 480, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
  const key = thumbnailKey(data.orgId, data.id);
  await putObject(data.orgId, 'photos', key, thumb, 'image/webp');
  await withTenant(actor, (tx) => setPhotoThumbnail(tx, data.orgId, data.id, key, thumb.length));
  return 'made';
}

/**
 * Wrong-token records past their retention (docs/inspector-page.md). No tenant is set: the table
 * has no tenant rows, and RLS lets brave_app delete only rows older than the same 90 days.
 */
export async function prunePublicAccessEvents(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PUBLIC_ACCESS_RETENTION_DAYS * 86_400_000);
  return withoutTenant((tx) => deletePublicAccessEventsBefore(tx, before));
}
