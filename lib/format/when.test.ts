import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDistance, startOfDayIn } from './when';

describe('date formatting', () => {
  const at = new Date('2026-05-04T12:30:00Z');
  it('renders in the given time zone', () => {
    expect(formatDateTime(at, 'America/Chicago')).toBe('May 4, 2026, 7:30 AM');
    expect(formatDay(at, 'UTC', new Date('2026-06-01T00:00:00Z'))).toBe('May 4');
    expect(formatDay(at, 'UTC', new Date('2027-01-02T00:00:00Z'))).toBe('May 4, 2026');
  });
  it('describes distances in hours, then days', () => {
    expect(formatDistance(at, new Date(at.getTime() + 30 * 60_000))).toBe('less than an hour');
    expect(formatDistance(at, new Date(at.getTime() + 5 * 3_600_000))).toBe('5 hours');
    expect(formatDistance(at, new Date(at.getTime() + 3 * 86_400_000))).toBe('3 days');
  });
});

describe('startOfDayIn', () => {
  it('finds local midnight as an instant, across DST', () => {
    expect(startOfDayIn('2026-05-04', 'UTC').toISOString()).toBe('2026-05-04T00:00:00.000Z');
    expect(startOfDayIn('2026-05-04', 'America/Chicago').toISOString()).toBe('2026-05-04T05:00:00.000Z');
    expect(startOfDayIn('2026-01-04', 'America/Chicago').toISOString()).toBe('2026-01-04T06:00:00.000Z');
    expect(startOfDayIn('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});
