import exifr from 'exifr';
import { wallTimeIn } from '@/lib/format/when';

export interface PhotoExif {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

/** Capture and upload more than a day apart: shown as a warning next to the photo. */
const SUSPECT_AFTER_MS = 24 * 3600 * 1000;

const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Capture time and place from the first bytes of a photo (EXIF lives in the
 * first 64 KB of a JPEG, in the meta box of HEIC). EXIF times carry no zone
 * unless the camera wrote OffsetTimeOriginal; without it the time is read in
 * the organization's zone, where the site is. Unreadable EXIF is no EXIF.
 */
export async function readPhotoExif(head: Uint8Array, timeZone: string): Promise<PhotoExif> {
  const none: PhotoExif = { takenAt: null, latitude: null, longitude: null };
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(Buffer.from(head), {
      reviveValues: false,
      tiff: true,
      exif: true,
      gps: true,
      pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'],
    });
  } catch {
    return none;
  }
  if (!tags) return none;
  const raw = String(tags.DateTimeOriginal ?? tags.CreateDate ?? '');
  const m = EXIF_TIME.exec(raw.trim());
  let takenAt: Date | null = null;
  if (m) {
    const wall = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
    const offset = typeof tags.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal) ? tags.OffsetTimeOriginal : null;
    const at = offset ? new Date(`${wall}${offset}`) : wallTimeIn(wall, timeZone);
    takenAt = Number.isNaN(at.getTime()) ? null : at;
  }
  const lat = dms(tags.GPSLatitude, tags.GPSLatitudeRef, 90);
  const lon = dms(tags.GPSLongitude, tags.GPSLongitudeRef, 180);
  return { takenAt, latitude: lat !== null && lon !== null ? lat : null, longitude: lat !== null && lon !== null ? lon : null };
}

/** [deg, min, sec] + 'N'/'S'/'E'/'W' → signed decimal degrees, null when absent or out of range. */
function dms(value: unknown, ref: unknown, limit: number): number | null {
  if (!Array.isArray(value) || value.length !== 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [d, m, s] = value as [number, number, number];
  const deg = d + m / 60 + s / 3600;
  const signed = ref === 'S' || ref === 'W' ? -deg : deg;
  return Math.abs(signed) <= limit ? Math.round(signed * 1e6) / 1e6 : null;
}

export function isTakenAtSuspect(takenAt: Date | null, uploadedAt: Date): boolean {
  return takenAt !== null && Math.abs(uploadedAt.getTime() - takenAt.getTime()) > SUSPECT_AFTER_MS;
}
