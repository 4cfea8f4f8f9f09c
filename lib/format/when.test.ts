import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatDue,
  localDay,
  zoneAbbreviation,
  formatDay,
  formatDistance,
  formatTime,
  instantToZonedInput,
  isTimeZone,
  startOfDayIn,
  zonedInputToInstant,
} from './when';

describe('date formatting', () => {
  const at = new Date('2026-05-04T12:30:00Z');
  it('renders in the given time zone', () => {
    expect(formatDateTime(at, 'America/Chicago')).toBe('May 4, 2026, 7:30 AM CDT');
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

describe('the site zone, with its abbreviation', () => {
  it('shows the zone abbreviation, daylight and standard', () => {
    expect(formatDateTime(new Date('2026-05-04T12:30:00Z'), 'America/Chicago')).toBe('May 4, 2026, 7:30 AM CDT');
    expect(formatDateTime(new Date('2026-01-04T13:30:00Z'), 'America/Chicago')).toBe('Jan 4, 2026, 7:30 AM CST');
    expect(formatTime(new Date('2026-01-04T13:30:00Z'), 'America/New_York')).toBe('8:30 AM EST');
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('datetime-local in the site zone, never the phone’s', () => {
  const tz = 'America/Chicago';
  const at = (v: string) => zonedInputToInstant(v, tz)?.toISOString();

  it('an ordinary time, summer and winter', () => {
    expect(at('2026-05-04T07:11')).toBe('2026-05-04T12:11:00.000Z');
    expect(at('2026-01-04T07:11')).toBe('2026-01-04T13:11:00.000Z');
    expect(zonedInputToInstant('2026-05-04T07:11', 'UTC')?.toISOString()).toBe('2026-05-04T07:11:00.000Z');
  });

  it('spring forward (2026-03-08, 2:00 CST → 3:00 CDT): before, the skipped hour, after', () => {
    expect(at('2026-03-08T01:59')).toBe('2026-03-08T07:59:00.000Z'); // CST
    expect(at('2026-03-08T02:30')).toBe('2026-03-08T08:30:00.000Z'); // does not exist: read as 3:30 CDT
    expect(formatTime(new Date(at('2026-03-08T02:30')!), tz)).toBe('3:30 AM CDT');
    expect(at('2026-03-08T03:00')).toBe('2026-03-08T08:00:00.000Z'); // CDT
    expect(at('2026-03-08T03:30')).toBe('2026-03-08T08:30:00.000Z');
  });

  it('fall back (2026-11-01, 2:00 CDT → 1:00 CST): before, the repeated hour, after', () => {
    expect(at('2026-11-01T00:30')).toBe('2026-11-01T05:30:00.000Z'); // CDT
    expect(at('2026-11-01T01:30')).toBe('2026-11-01T06:30:00.000Z'); // twice: the first, CDT
    expect(formatTime(new Date(at('2026-11-01T01:30')!), tz)).toBe('1:30 AM CDT');
    expect(at('2026-11-01T02:30')).toBe('2026-11-01T08:30:00.000Z'); // CST
  });

  it('round-trips every half hour across both changes', () => {
    for (const start of ['2026-03-07T00:00:00Z', '2026-10-31T00:00:00Z']) {
      for (let q = 0; q < 2 * 48; q++) {
        const instant = new Date(Date.parse(start) + q * 1_800_000);
        const shown = instantToZonedInput(instant, tz);
        const back = zonedInputToInstant(shown, tz)!;
        // The repeated hour's second reading maps to its first: one hour earlier, same wall time.
        expect(instantToZonedInput(back, tz)).toBe(shown);
        expect([0, 3_600_000]).toContain(instant.getTime() - back.getTime());
      }
    }
  });

  it('refuses what is not a local date-time', () => {
    for (const bad of [
      '',
      '2026-05-04',
      '2026-05-04T7:11',
      '2026-02-30T07:00',
      '2026-05-04T24:00',
      '2026-05-04T07:11Z',
    ]) {
      expect(zonedInputToInstant(bad, tz)).toBeNull();
    }
  });
});

describe('formatDue (a deadline)', () => {
  it('an end-of-day deadline reads as that day, not as 12:00 AM of the next', () => {
    expect(formatDue(new Date('2026-05-12T05:00:00Z'), 'America/Chicago')).toBe('May 11, 2026, end of day CDT');
  });
  it('an hour deadline (a storm, OSHA before work) reads as its time with the zone', () => {
    expect(formatDue(new Date('2026-05-07T16:00:00Z'), 'America/Chicago')).toBe('May 7, 2026, 11:00 AM CDT');
    expect(formatDue(new Date('2026-12-01T13:00:00Z'), 'America/Chicago')).toBe('Dec 1, 2026, 7:00 AM CST');
  });
});

describe('calendar dates and local days', () => {
  it('a date column reads as that date whatever the zone (no conversion)', () => {
    expect(formatCalendarDate('2026-03-01')).toBe('Mar 1, 2026');
  });
  it("an instant's local day is the site's, not UTC's", () => {
    // 2026-12-01T02:00Z is Nov 30, 8 PM in Chicago and Dec 1, 11 AM in Tokyo.
    expect(localDay(new Date('2026-12-01T02:00:00Z'), 'America/Chicago')).toBe('2026-11-30');
    expect(localDay(new Date('2026-12-01T02:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-01');
  });
  it('the abbreviation follows DST for the instant', () => {
    expect(zoneAbbreviation(new Date('2026-05-04T12:00:00Z'), 'America/Chicago')).toBe('CDT');
    expect(zoneAbbreviation(new Date('2026-01-04T12:00:00Z'), 'America/Chicago')).toBe('CST');
  });
});
