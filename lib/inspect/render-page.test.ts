import { describe, expect, it } from 'vitest';
import { coverageStatus } from './render-page';

describe('coverageStatus', () => {
  const tz = 'America/Chicago';
  const permit = { permitStart: '2026-03-01', permitEnd: '2026-12-31' };
  it('uses the calendar day in the site’s zone', () => {
    // 2026-03-01 03:00 UTC is still Feb 28 in Chicago.
    expect(coverageStatus(permit, new Date('2026-03-01T03:00:00Z'), tz)).toBe('Coverage not yet started');
    expect(coverageStatus(permit, new Date('2026-03-01T12:00:00Z'), tz)).toBe('Covered');
    expect(coverageStatus(permit, new Date('2026-12-31T23:00:00Z'), tz)).toBe('Covered'); // 5 PM on Dec 31
    expect(coverageStatus(permit, new Date('2027-01-01T07:00:00Z'), tz)).toBe('Coverage ended');
  });
  it('no dates recorded is said as such', () => {
    expect(coverageStatus({ permitStart: null, permitEnd: null }, new Date(), tz)).toBe('Coverage dates not recorded');
  });
});
