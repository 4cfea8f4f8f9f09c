/**
 * Test files made by the tests themselves (no binary blobs in the repo):
 * JPEGs with EXIF capture time and GPS written by sharp, a PDF, and files that
 * lie about what they are.
 */
import sharp from 'sharp';

export interface JpegOptions {
  width?: number;
  height?: number;
  /** EXIF DateTimeOriginal as the camera writes it: 'YYYY:MM:DD HH:mm:ss' (no zone). */
  takenAt?: string;
  offset?: string;
  gps?: { lat: number; lon: number };
  color?: string;
}

const dmsString = (v: number) => {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
};

export async function makeJpeg(o: JpegOptions = {}): Promise<Buffer> {
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'BraveTestCam', Model: 'Fixture' } };
  if (o.takenAt) exif.IFD2 = { DateTimeOriginal: o.takenAt, ...(o.offset ? { OffsetTimeOriginal: o.offset } : {}) };
  if (o.gps) {
    exif.IFD3 = {
      GPSLatitudeRef: o.gps.lat < 0 ? 'S' : 'N',
      GPSLatitude: dmsString(o.gps.lat),
      GPSLongitudeRef: o.gps.lon < 0 ? 'W' : 'E',
      GPSLongitude: dmsString(o.gps.lon),
    };
  }
  return sharp({ create: { width: o.width ?? 640, height: o.height ?? 480, channels: 3, background: o.color ?? '#4a7c59' } })
    .jpeg({ quality: 80 })
    .withExif(exif)
    .toBuffer();
}

export async function makePng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 4, background: '#ffffff' } }).png().toBuffer();
}

/** A minimal valid PDF. */
export function makePdf(text = 'SWPPP'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export const HTML_AS_JPEG = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const SVG_FILE = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>');
