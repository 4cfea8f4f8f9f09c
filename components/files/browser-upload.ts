'use client';

import { exifSegment, insertExif, withUprightOrientation } from '@/lib/photos/jpeg-exif';

/** Long side of a photo after the in-browser resize: plenty for evidence, ~0.5 MB over cellular. */
const MAX_SIDE = 2048;
const QUALITY = 0.82;

/**
 * Resize a camera photo before it leaves the phone (site crews are on cellular
 * data). EXIF (capture time, GPS) is carried over so the server can read it.
 * A file the browser can't decode (HEIC on Chrome) is sent as it is.
 */
export async function preparePhoto(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.type === 'image/jpeg' && file.size < 1_500_000) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const resized = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  if (!resized) return file;
  if (file.type !== 'image/jpeg') return resized;
  const segment = exifSegment(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
  if (!segment) return resized;
  const bytes = insertExif(new Uint8Array(await resized.arrayBuffer()), withUprightOrientation(segment));
  return new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
}

/**
 * Send the bytes straight to S3 with the presigned POST (the app server never
 * sees them), reporting progress. Rejects with a message a person can act on.
 */
export function postToStorage(
  upload: { url: string; fields: Record<string, string> },
  blob: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
    form.append('file', blob);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? (onProgress(1), resolve()) : reject(new Error(`The upload was refused by storage (${xhr.status}).`));
    xhr.onerror = () => reject(new Error('The upload did not get through — check the signal and retry.'));
    xhr.ontimeout = () => reject(new Error('The upload timed out — retry when the signal is better.'));
    xhr.timeout = 10 * 60_000;
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
