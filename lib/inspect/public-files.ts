import 'server-only';
import { findLinkByHash, findPublishedPhotoByKey, findPublishedSwpppByKey, type PublicSite } from '@/db/queries/public-page';
import { withInspectorLink } from '@/db/public';
import { storage } from '@/lib/storage/client';
import { openObject } from '@/lib/storage/objects';
import type { FileKind } from '@/lib/storage/rules';
import { sealFile, unsealFile } from './file-seal';
import { isLiveLink } from './link-expiry';

/** Types every phone browser shows in an <img>; a HEIC original waits for its WebP thumbnail. */
const SHOWABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Where the page's files are served (app/inspect-file/[seal]/route.ts). */
const FILE_PATH = '/inspect-file/';

export interface PublicPhoto {
  inspectionId: string | null;
  /** Sealed 5-minute address (lib/inspect/file-seal.ts) of the thumbnail, else of the photo. */
  thumbnailUrl: string;
  /** Sealed address of the full photo, opened inline. */
  fullUrl: string;
  caption: string | null;
  takenAt: Date | null;
}

interface PublicSwppp {
  url: string;
  title: string;
  version: number | null;
  storedAt: Date | null;
  sizeBytes: number | null;
  contentType: string;
}

export type PublicPage = Omit<PublicSite, 'photos' | 'swppp'> & {
  photos: PublicPhoto[];
  swppp: PublicSwppp | undefined;
  /** File storage is not configured: photos and the SWPPP link are left out, and the page says so. */
  filesUnavailable?: boolean;
};

/**
 * The rows brave_public just read → sealed, short-lived addresses on our own
 * origin. Each seal carries the token hash the page was opened with and the
 * object key, encrypted: the HTML holds no object key, organization id or row
 * id, and the file route re-checks the row through brave_public before it
 * reads anything. Neither the photo's file name nor anything else the uploader
 * typed as a name is published (a neutral name goes into Content-Disposition).
 */
export function sealPublicFiles(tokenHash: string, site: PublicSite, now = new Date()): PublicPage {
  storage(); // not configured → StorageUnavailableError: the page is served without files (lib/inspect/open-site.ts)
  const at = (kind: 'photo' | 'thumbnail' | 'swppp', key: string) => `${FILE_PATH}${sealFile({ tokenHash, kind, key }, now)}`;
  const photos = site.photos
    .filter((p) => p.thumbnailKey || SHOWABLE.has(p.contentType))
    .map((p): PublicPhoto => {
      const full = SHOWABLE.has(p.contentType) ? at('photo', p.storageKey) : undefined;
      const thumb = p.thumbnailKey ? at('thumbnail', p.thumbnailKey) : full!;
      return { inspectionId: p.inspectionId, thumbnailUrl: thumb, fullUrl: full ?? thumb, caption: p.caption, takenAt: p.takenAt };
    });
  const s = site.swppp;
  const swppp = s
    ? { url: at('swppp', s.storageKey), title: s.title, version: s.version, storedAt: s.storedAt, sizeBytes: s.sizeBytes, contentType: s.contentType }
    : undefined;
  return { ...site, photos, swppp };
}

export interface PublicFile {
  body: ReadableStream<Uint8Array>;
  size: number | undefined;
  contentType: string;
  fileName: string;
  download: boolean;
}

/**
 * A sealed address → the file, or undefined for every seal that does not open
 * one (malformed, forged, expired, a revoked or expired link, a row no longer
 * published, a missing object). The link is re-opened with the sealed token
 * hash on brave_public, so revoking a link or unpublishing stops its files at
 * once, and the object key must belong to a row its policies admit.
 */
export async function openPublicFile(seal: string, now = new Date()): Promise<PublicFile | undefined> {
  const sealed = unsealFile(seal, now);
  if (!sealed) return undefined;
  const found = await withInspectorLink(sealed.tokenHash, async (tx) => {
    const link = await findLinkByHash(tx, sealed.tokenHash);
    if (!link || !isLiveLink(link, now)) return undefined;
    const file = (kind: FileKind, contentType: string, fileName: string, download = false) => ({
      orgId: link.organizationId,
      kind,
      contentType,
      fileName,
      download,
    });
    if (sealed.kind === 'swppp') {
      const doc = await findPublishedSwpppByKey(tx, link, sealed.key);
      return doc && file('documents', doc.contentType, doc.fileName, true);
    }
    const photo = await findPublishedPhotoByKey(tx, link, sealed.key);
    if (!photo) return undefined;
    if (sealed.kind === 'thumbnail') return photo.thumbnailKey === sealed.key ? file('photos', 'image/webp', 'photo.webp') : undefined;
    return photo.storageKey === sealed.key && SHOWABLE.has(photo.contentType)
      ? file('photos', photo.contentType, `photo.${photo.contentType.split('/')[1]}`)
      : undefined;
  });
  if (!found) return undefined;
  const object = await openObject(found.orgId, found.kind, sealed.key);
  return object && { ...object, contentType: found.contentType, fileName: found.fileName, download: found.download };
}
