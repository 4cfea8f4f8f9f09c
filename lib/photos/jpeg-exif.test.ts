import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeJpeg } from '@/tests/support/photo-fixtures';
import { readPhotoExif } from './exif';
import { exifSegment, insertExif, withUprightOrientation } from './jpeg-exif';

describe('EXIF through the browser resize', () => {
  it('copies capture time and GPS into a re-encoded JPEG (which has none)', async () => {
    const original = await makeJpeg({ takenAt: '2026:11:20 09:30:00', gps: { lat: 30.2672, lon: -97.7431 } });
    const resized = await sharp(original).resize(200).jpeg().toBuffer(); // sharp drops metadata, like a canvas
    expect(exifSegment(resized)).toBeNull();
    expect((await readPhotoExif(resized, 'UTC')).takenAt).toBeNull(); // control: without the splice, no time

    const spliced = insertExif(resized, withUprightOrientation(exifSegment(original)!));
    const exif = await readPhotoExif(spliced, 'UTC');
    expect(exif.takenAt?.toISOString()).toBe('2026-11-20T09:30:00.000Z');
    expect(exif.latitude).toBeCloseTo(30.2672, 3);
    expect((await sharp(spliced).metadata()).width).toBe(200); // still a valid JPEG
  });

  it('resets Orientation so an already-upright image is not turned twice', async () => {
    const rotated = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(rotated).metadata()).orientation).toBe(6);
    const plain = await sharp(rotated).jpeg().toBuffer();
    const spliced = insertExif(plain, withUprightOrientation(exifSegment(rotated)!));
    expect((await sharp(spliced).metadata()).orientation).toBe(1);
  });

  it('leaves anything that is not a JPEG alone', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    expect(exifSegment(png)).toBeNull();
    expect(insertExif(png, new Uint8Array([1, 2, 3]))).toBe(png);
  });
});
