import { describe, expect, it } from 'vitest';
import { formatDue, nextDueFor, type DueHistory, type DueProject } from './next-due';

const site: DueProject = { id: 'p', timeZone: 'America/Chicago', schedule: 'every_7_days', sensitiveWater: false, coverageStart: '2026-04-01' };
const inspected: DueHistory = { inspections: [{ id: 'i1', at: new Date('2026-05-04T20:00:00Z') }], storms: [], rainThresholdInches: 0.25 };

describe('nextDueFor (the 2022 CGP engine, one project)', () => {
  it('every 7 days: due by the end of the 7th local day after the last inspection, with the reason and Part 4.2.1', () => {
    const due = nextDueFor(site, inspected, new Date('2026-05-06T12:00:00Z'))!;
    expect(due.kind).toBe('routine_inspection');
    // End of May 11 in Chicago (CDT, UTC−5) is 05:00 UTC on May 12.
    expect(due.dueAt.toISOString()).toBe('2026-05-12T05:00:00.000Z');
    expect(due.part).toBe('CGP 2022 Part 4.2.1');
    expect(due.why).toContain('May 4, 2026, 3:00 PM CDT');
    expect(due.status).toBe('upcoming');
    expect(due.dueToday).toBe(false);
  });

  it('is "due today" on the last local day, and overdue after it', () => {
    // 11:30 PM CDT on May 11: still the site's May 11 (it is already May 12 in UTC).
    expect(nextDueFor(site, inspected, new Date('2026-05-12T04:30:00Z'))).toMatchObject({ status: 'upcoming', dueToday: true });
    expect(nextDueFor(site, inspected, new Date('2026-05-12T05:30:00Z'))).toMatchObject({ status: 'overdue', dueToday: true });
  });

  it('a storm over the threshold on the 14-day schedule makes the next one due within 24 hours (Part 4.2.2)', () => {
    const storm = { id: 's', startedAt: new Date('2026-05-06T10:00:00Z'), endedAt: new Date('2026-05-06T16:00:00Z'), rainInches: 0.6 };
    const due = nextDueFor({ ...site, schedule: 'every_14_days_and_storm' }, { ...inspected, storms: [storm] }, new Date('2026-05-07T00:00:00Z'))!;
    expect(due).toMatchObject({ kind: 'storm_inspection', part: 'CGP 2022 Part 4.2.2' });
    expect(due.dueAt.toISOString()).toBe('2026-05-07T16:00:00.000Z');
    // Below the threshold the storm changes nothing: the routine 14-day deadline stays.
    const small = nextDueFor({ ...site, schedule: 'every_14_days_and_storm' }, { ...inspected, storms: [{ ...storm, rainInches: 0.1 }] }, new Date('2026-05-07T00:00:00Z'))!;
    expect(small.kind).toBe('routine_inspection');
  });

  it('an inspection meets the obligation: the next one is counted from it', () => {
    const later = { ...inspected, inspections: [...inspected.inspections, { id: 'i2', at: new Date('2026-05-10T15:00:00Z') }] };
    expect(nextDueFor(site, later, new Date('2026-05-11T12:00:00Z'))!.dueAt.toISOString()).toBe('2026-05-18T05:00:00.000Z');
  });

  it('a project never inspected is due from coverage start (history older than the window is not read)', () => {
    const fresh = nextDueFor({ ...site, coverageStart: '2026-05-01' }, { ...inspected, inspections: [] }, new Date('2026-05-03T12:00:00Z'))!;
    expect(fresh.dueAt.toISOString()).toBe('2026-05-09T05:00:00.000Z');
    expect(fresh.why).toContain('coverage start (2026-05-01)');
  });
});

describe('formatDue', () => {
  it('an end-of-day deadline reads as that day, not as 12:00 AM of the next', () => {
    expect(formatDue(new Date('2026-05-12T05:00:00Z'), 'America/Chicago')).toBe('May 11, 2026, end of day CDT');
  });
  it('an hour deadline (a storm) reads as its time with the zone', () => {
    expect(formatDue(new Date('2026-05-07T16:00:00Z'), 'America/Chicago')).toBe('May 7, 2026, 11:00 AM CDT');
  });
});
