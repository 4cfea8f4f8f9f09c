import { describe, expect, it } from 'vitest';
import { formatDue } from './next-due';

describe('formatDue', () => {
  it('an end-of-day deadline reads as that day, not as 12:00 AM of the next', () => {
    expect(formatDue(new Date('2026-05-12T05:00:00Z'), 'America/Chicago')).toBe('May 11, 2026, end of day CDT');
  });
  it('an hour deadline (a storm) reads as its time with the zone', () => {
    expect(formatDue(new Date('2026-05-07T16:00:00Z'), 'America/Chicago')).toBe('May 7, 2026, 11:00 AM CDT');
  });
});
