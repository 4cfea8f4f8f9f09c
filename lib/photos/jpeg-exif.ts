/**
 * Keeps a photo's EXIF (capture time, GPS) through the browser's resize: a
 * canvas re-encode drops every metadata segment, so the original's APP1 Exif
 * segment is copied into the resized JPEG. Its Orientation is reset to 1,
 * because the canvas has already drawn the pixels upright. Pure byte work, no
 * DOM: runs in the browser and in unit tests alike.
 */

const SOI = 0xd8;
const APP0 = 0xe0;
const APP1 = 0xe1;
const SOS = 0xda;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/** The APP1 Exif segment (marker + length + payload) of a JPEG, or null. */
export function exifSegment(jpeg: Uint8Array): Uint8Array | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) return null;
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === SOS) return null;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (length < 2 || at + 2 + length > jpeg.length) return null;
    if (marker === APP1 && EXIF_HEADER.every((b, i) => jpeg[at + 4 + i] === b)) return jpeg.slice(at, at + 2 + length);
    at += 2 + length;
  }
  return null;
}

/** A copy of the segment whose IFD0 Orientation tag (0x0112), if any, says 1 (upright). */
export function withUprightOrientation(segment: Uint8Array): Uint8Array {
  const out = segment.slice();
  const tiff = 10; // marker 2 + length 2 + "Exif\0\0" 6
  if (out.length < tiff + 8) return out;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const little = view.getUint16(tiff) === 0x4949;
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > out.length) return out;
  const entries = view.getUint16(ifd0, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > out.length) break;
    if (view.getUint16(entry, little) === 0x0112) view.setUint16(entry + 8, 1, little);
  }
  return out;
}

/** `jpeg` with `segment` inserted after SOI (and after a JFIF APP0, which must come first). */
export function insertExif(jpeg: Uint8Array, segment: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI || exifSegment(jpeg)) return jpeg;
  let at = 2;
  if (jpeg[2] === 0xff && jpeg[3] === APP0) at = 4 + ((jpeg[4]! << 8) | jpeg[5]!);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, at), 0);
  out.set(segment, at);
  out.set(jpeg.subarray(at), at + segment.length);
  return out;
}
