import 'server-only';
import { getStoredDocument, getStoredPhoto, type DocumentRow, type Photo } from '@/db/queries/files';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { recordSecurityEvent } from '@/lib/security/record-miss';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { inspectObject, presignDownload } from '@/lib/storage/objects';
import type { FileKind } from '@/lib/storage/rules';
import { formatDateTimeZone, formatDistance } from '@/lib/format/when';

/**
 * The object must still be the one confirm checked: tagged for this org, same
 * size, same ETag. (A presigned POST stays usable for its lifetime, and s3rver
 * enforces no policy at all, so the bytes could have been replaced since.)
 */
export async function assertUnchanged(ctx: TenantContext, kind: FileKind, row: Photo | DocumentRow) {
  const facts = await inspectObject(ctx.orgId, kind, row.storageKey, 0);
  const same = facts && facts.orgMetadata === ctx.orgId && facts.size === row.sizeBytes && (!row.etag || facts.etag === row.etag);
  if (!same) {
    await recordSecurityEvent(ctx, 'STORED_OBJECT_CHANGED', { kind, id: row.id });
    throw PublicError.notFound();
  }
}

/**
 * A short-lived download URL, minted only here: after this tenant's row was
 * found stored (RLS + organization_id filter) and its object re-checked. The
 * key comes from the row, never from the request.
 */
export async function photoDownloadUrl(tx: Tx, ctx: TenantContext, id: string, opts: { download?: boolean } = {}): Promise<string> {
  const row = await getStoredPhoto(tx, ctx.orgId, id);
  if (!row) throw PublicError.notFound();
  await assertUnchanged(ctx, 'photos', row);
  return presignDownload(ctx.orgId, 'photos', row.storageKey, row, opts);
}

export async function documentDownloadUrl(tx: Tx, ctx: TenantContext, id: string): Promise<string> {
  const row = await getStoredDocument(tx, ctx.orgId, id);
  if (!row) throw PublicError.notFound();
  await assertUnchanged(ctx, 'documents', row);
  return presignDownload(ctx.orgId, 'documents', row.storageKey, row, { download: true });
}

export interface PhotoView {
  id: string;
  fileName: string;
  caption: string | null;
  bmpItemKey: string | null;
  correctiveActionId: string | null;
  takenAt: string | null;
  /** "Nov 20, 2026, 9:30 AM CST", in the organization's zone; null without EXIF time. */
  takenAtLabel: string | null;
  takenAtSuspect: boolean;
  /** Why the capture time is flagged, e.g. "taken 3 days before upload". */
  suspectLabel: string | null;
  latitude: number | null;
  longitude: number | null;
  uploadedAt: string;
  /** Presigned thumbnail (or, until the thumbnail job has run, the photo itself). */
  thumbnailUrl: string;
  /** Full size through the checking route. */
  href: string;
}

/** Rows the caller has just listed inside the door → what a page shows, with presigned thumbnails. */
export async function photoViews(orgId: string, rows: Photo[], timeZone: string): Promise<PhotoView[]> {
  return Promise.all(
    rows.map(async (p) => ({
      id: p.id,
      fileName: p.fileName,
      caption: p.caption,
      bmpItemKey: p.bmpItemKey,
      correctiveActionId: p.correctiveActionId,
      takenAt: p.takenAt?.toISOString() ?? null,
      takenAtLabel: p.takenAt ? formatDateTimeZone(p.takenAt, timeZone) : null,
      takenAtSuspect: p.takenAtSuspect,
      suspectLabel:
        p.takenAt && p.takenAtSuspect
          ? `taken ${formatDistance(p.takenAt, p.storedAt ?? p.createdAt)} ${p.takenAt < (p.storedAt ?? p.createdAt) ? 'before' : 'after'} upload`
          : null,
      latitude: p.latitude,
      longitude: p.longitude,
      uploadedAt: (p.storedAt ?? p.createdAt).toISOString(),
      thumbnailUrl: p.thumbnailKey
        ? await presignDownload(orgId, 'photos', p.thumbnailKey, { fileName: 'thumb.webp', contentType: 'image/webp' })
        : await presignDownload(orgId, 'photos', p.storageKey, p),
      href: `/api/v1/photos/${p.id}/file`,
    })),
  );
}
