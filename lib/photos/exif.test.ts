import { describe, expect, it } from 'vitest';
import { makeJpeg, makePng } from '@/tests/support/photo-fixtures';
import { isTakenAtSuspect, readPhotoExif } from './exif';

describe('photo EXIF', () => {
  it('reads the capture time in the site zone and the GPS position', async () => {
    const jpeg = await makeJpeg({ takenAt: '2026:11:20 09:30:00', gps: { lat: 30.2672, lon: -97.7431 } });
    const exif = await readPhotoExif(jpeg, 'America/Chicago');
    expect(exif.takenAt?.toISOString()).toBe('2026-11-20T15:30:00.000Z'); // CST = UTC-6
    expect(exif.latitude).toBeCloseTo(30.2672, 3);
    expect(exif.longitude).toBeCloseTo(-97.7431, 3);
  });

  it('uses the offset the camera wrote over the site zone', async () => {
    const jpeg = await makeJpeg({ takenAt: '2026:07:01 12:00:00', offset: '+02:00' });
    expect((await readPhotoExif(jpeg, 'America/Chicago')).takenAt?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });

  it('a photo without EXIF, or not a photo at all, has no capture time', async () => {
    expect(await readPhotoExif(await makePng(), 'UTC')).toEqual({ takenAt: null, latitude: null, longitude: null });
    expect(await readPhotoExif(new TextEncoder().encode('<html>'), 'UTC')).toEqual({ takenAt: null, latitude: null, longitude: null });
  });

  it('flags capture and upload more than a day apart, not less', () => {
    const up = new Date('2026-11-20T12:00:00Z');
    expect(isTakenAtSuspect(new Date('2026-11-19T11:59:00Z'), up)).toBe(true);
    expect(isTakenAtSuspect(new Date('2026-11-19T12:01:00Z'), up)).toBe(false);
    expect(isTakenAtSuspect(null, up)).toBe(false);
  });
});
