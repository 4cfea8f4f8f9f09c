import 'server-only';
import type { PublicSite } from '@/db/queries/public-page';
import { presignDownload } from '@/lib/storage/objects';

/** Types every phone browser shows in an <img>; a HEIC original waits for its WebP thumbnail. */
const SHOWABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface PublicPhoto {
  inspectionId: string | null;
  /** Presigned GET (5 minutes, lib/storage/objects.ts) of the thumbnail, else of the photo. */
  thumbnailUrl: string;
  /** Presigned GET of the full photo, opened inline. */
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
  /** File storage could not be reached: photos and the SWPPP link are left out, and the page says so. */
  filesUnavailable?: boolean;
};

/**
 * The rows brave_public just read → short-lived presigned GETs. The org is the
 * one the opened link resolved to (never from the request), and presignDownload
 * refuses any key outside that org's prefix. Object keys never reach the page
 * except inside these URLs; the photo's own file name is not used (a neutral
 * one goes into Content-Disposition), so nothing the uploader typed as a name
 * is published.
 */
export async function presignPublicFiles(orgId: string, site: PublicSite): Promise<PublicPage> {
  const photos = await Promise.all(
    site.photos
      .filter((p) => p.thumbnailKey || SHOWABLE.has(p.contentType))
      .map(async (p): Promise<PublicPhoto> => {
        const full = SHOWABLE.has(p.contentType)
          ? await presignDownload(orgId, 'photos', p.storageKey, { fileName: `photo.${p.contentType.split('/')[1]}`, contentType: p.contentType })
          : undefined;
        const thumb = p.thumbnailKey
          ? await presignDownload(orgId, 'photos', p.thumbnailKey, { fileName: 'photo.webp', contentType: 'image/webp' })
          : full!;
        return { inspectionId: p.inspectionId, thumbnailUrl: thumb, fullUrl: full ?? thumb, caption: p.caption, takenAt: p.takenAt };
      }),
  );
  const s = site.swppp;
  const swppp = s
    ? {
        // Content-Disposition: attachment, under the name the org gave the file.
        url: await presignDownload(orgId, 'documents', s.storageKey, { fileName: s.fileName, contentType: s.contentType }, { download: true }),
        title: s.title,
        version: s.version,
        storedAt: s.storedAt,
        sizeBytes: s.sizeBytes,
        contentType: s.contentType,
      }
    : undefined;
  return { ...site, photos, swppp };
}
