/**
 * Storm, snowmelt and inspection-report clocks by hand from the 2022 CGP: hour
 * rules are elapsed time (24 h = 86,400 s whatever the clocks do). The default
 * site is on the 14-day option here; see docs/compliance.md for the readings.
 */
import { describe } from 'vitest';
import { runCases, type EngineCase } from '@/tests/support/compliance-cases';

const P422 = 'CGP 2022 Part 4.2.2';
const P43 = 'CGP 2022 Part 4.3';
const P442 = 'CGP 2022 Part 4.4.2';
const P471 = 'CGP 2022 Part 4.7.1';
const fortnight = 'every_14_days_and_storm' as const;
const insp = (id: string, at: string, reportCompletedAt: string | null = null) => ({ id, at, reportCompletedAt });
const storm = (id: string, startedAt: string, endedAt: string, rainInches: number, thresholdReachedAt: string | null = null) => ({
  id, startedAt, endedAt, rainInches, thresholdReachedAt,
});
const june10 = (inches: number) => storm('s1', '2026-06-10T10:00:00Z', '2026-06-10T16:00:00Z', inches);
const s = 'storm_inspection' as const;
const m = 'snowmelt_inspection' as const;
const r = 'inspection_report' as const;
const melt = (snowInches: number) => [{ id: 'm1', dischargeAt: '2026-03-20T15:00:00Z', snowInches }];
const march = { coverageStart: '2026-03-01', now: '2026-03-20T16:00:00Z' };

const cases: EngineCase[] = [
  { checks: P422, name: '0.25 in meets the threshold: due 24 hours after the storm ends', kind: s,
    input: { schedule: fortnight, now: '2026-06-11T00:00:00Z', storms: [june10(0.25)] },
    expected: [{ part: P422, dueAt: '2026-06-11T16:00:00Z', status: 'upcoming' }] },
  { checks: P422, name: '0.24 in does not', kind: s, input: { schedule: fortnight, storms: [june10(0.24)] }, expected: [] },
  { checks: 'CGP 2022 Part 4.2.1', name: 'the 7-day option has no storm inspections', kind: s, input: { storms: [june10(1)] }, expected: [] },
  { checks: P422, name: 'inspected within 24 hours', kind: s,
    input: { schedule: fortnight, now: '2026-06-11T13:00:00Z', storms: [june10(0.3)], inspections: [insp('i1', '2026-06-11T12:00:00Z')] },
    expected: [{ part: P422, dueAt: '2026-06-11T16:00:00Z', status: 'met', metBy: 'i1' }] },
  { checks: P422, name: 'inspected after 24 hours: met late', kind: s,
    input: { schedule: fortnight, now: '2026-06-12T00:00:00Z', storms: [june10(0.3)], inspections: [insp('i1', '2026-06-11T17:00:00Z')] },
    expected: [{ part: P422, dueAt: '2026-06-11T16:00:00Z', status: 'met_late', metBy: 'i1' }] },
  { checks: P422, name: 'an inspection during the storm, before its total is known, does not count', kind: s,
    input: { schedule: fortnight, now: '2026-06-12T00:00:00Z', storms: [june10(0.3)], inspections: [insp('i1', '2026-06-10T14:00:00Z')] },
    expected: [{ part: P422, dueAt: '2026-06-11T16:00:00Z', status: 'overdue' }] },
  { checks: P422, name: 'a recorded time the gauge reached the threshold starts the clock and the window', kind: s,
    input: {
      schedule: fortnight, now: '2026-06-10T15:00:00Z',
      storms: [storm('s1', '2026-06-10T10:00:00Z', '2026-06-10T16:00:00Z', 0.3, '2026-06-10T12:00:00Z')],
      inspections: [insp('i1', '2026-06-10T14:00:00Z')],
    },
    expected: [{ part: P422, dueAt: '2026-06-11T12:00:00Z', status: 'met', metBy: 'i1' }] },
  { checks: P422, name: 'a Saturday storm is due Sunday: hours, not business days', kind: s,
    input: { schedule: fortnight, now: '2026-06-13T21:00:00Z', storms: [storm('s1', '2026-06-13T14:00:00Z', '2026-06-13T20:00:00Z', 0.5)] },
    expected: [{ part: P422, dueAt: '2026-06-14T20:00:00Z', status: 'upcoming' }] },
  { checks: P422, name: 'back-to-back storms: one inspection within 24 hours of both meets both', kind: s,
    input: {
      schedule: fortnight, now: '2026-06-11T11:00:00Z',
      storms: [june10(0.4), storm('s2', '2026-06-11T02:00:00Z', '2026-06-11T08:00:00Z', 0.3)],
      inspections: [insp('i1', '2026-06-11T10:00:00Z')],
    },
    expected: [
      { part: P422, dueAt: '2026-06-11T16:00:00Z', status: 'met', metBy: 'i1' },
      { part: P422, dueAt: '2026-06-12T08:00:00Z', status: 'met', metBy: 'i1' },
    ] },
  { checks: P422, name: 'back-to-back storms: an inspection between them meets only the first', kind: s,
    input: {
      schedule: fortnight, now: '2026-06-12T09:00:00Z',
      storms: [june10(0.4), storm('s2', '2026-06-11T02:00:00Z', '2026-06-11T08:00:00Z', 0.3)],
      inspections: [insp('i1', '2026-06-11T01:00:00Z')],
    },
    expected: [
      { part: P422, dueAt: '2026-06-11T16:00:00Z', status: 'met', metBy: 'i1' },
      { part: P422, dueAt: '2026-06-12T08:00:00Z', status: 'overdue' },
    ] },
  { checks: P422, name: 'multi-day storm: within 24 hours of its first day and of its end', kind: s,
    input: {
      schedule: fortnight, now: '2026-06-13T13:00:00Z',
      storms: [storm('s1', '2026-06-10T06:00:00Z', '2026-06-12T18:00:00Z', 2)],
      inspections: [insp('i1', '2026-06-11T20:00:00Z'), insp('i2', '2026-06-13T12:00:00Z')],
    },
    expected: [
      { part: P422, dueAt: '2026-06-12T06:00:00Z', status: 'met', metBy: 'i1' },
      { part: P422, dueAt: '2026-06-13T18:00:00Z', status: 'met', metBy: 'i2' },
    ] },
  { checks: P422, name: 'multi-day storm inspected only after its end: the first-day inspection is late', kind: s,
    input: {
      schedule: fortnight, now: '2026-06-13T13:00:00Z',
      storms: [storm('s1', '2026-06-10T06:00:00Z', '2026-06-12T18:00:00Z', 2)],
      inspections: [insp('i2', '2026-06-13T12:00:00Z')],
    },
    expected: [
      { part: P422, dueAt: '2026-06-12T06:00:00Z', status: 'met_late', metBy: 'i2' },
      { part: P422, dueAt: '2026-06-13T18:00:00Z', status: 'met', metBy: 'i2' },
    ] },
  { checks: P422, name: 'multi-day storm with the threshold time recorded', kind: s,
    input: { schedule: fortnight, now: '2026-06-11T10:00:00Z', storms: [storm('s1', '2026-06-10T06:00:00Z', '2026-06-12T18:00:00Z', 2, '2026-06-10T09:00:00Z')] },
    expected: [
      { part: P422, dueAt: '2026-06-11T09:00:00Z', status: 'overdue' },
      { part: P422, dueAt: '2026-06-13T18:00:00Z', status: 'upcoming' },
    ] },
  { checks: P422, name: 'a storm of exactly 24 hours is a one-day storm', kind: s,
    input: { schedule: fortnight, now: '2026-06-11T01:00:00Z', storms: [storm('s1', '2026-06-10T00:00:00Z', '2026-06-11T00:00:00Z', 0.5)] },
    expected: [{ part: P422, dueAt: '2026-06-12T00:00:00Z', status: 'upcoming' }] },
  { checks: P422, name: "the project's threshold setting (0.5 in): 0.4 in does not count, 0.5 in does", kind: s,
    input: {
      schedule: fortnight, now: '2026-06-12T17:00:00Z', rainThresholdInches: 0.5,
      storms: [june10(0.4), storm('s2', '2026-06-12T10:00:00Z', '2026-06-12T16:00:00Z', 0.5)],
    },
    expected: [{ part: P422, dueAt: '2026-06-13T16:00:00Z', status: 'upcoming' }] },
  { checks: P43, name: 'sensitive waters on the 7-day option: storms too', kind: s,
    input: { sensitiveWater: true, now: '2026-06-11T00:00:00Z', storms: [june10(0.3)] },
    expected: [{ part: P43, dueAt: '2026-06-11T16:00:00Z', status: 'upcoming' }] },
  { checks: P43, name: 'sensitive waters on the 14-day option', kind: s,
    input: { schedule: fortnight, sensitiveWater: true, now: '2026-06-11T00:00:00Z', storms: [june10(0.3)] },
    expected: [{ part: P43, dueAt: '2026-06-11T16:00:00Z', status: 'upcoming' }] },
  { checks: P442, name: 'a seasonally dry period on the 7-day option: monthly and after storms', kind: s,
    input: { now: '2026-06-11T00:00:00Z', periods: [{ kind: 'arid', start: '2026-06-01' }], storms: [june10(0.3)] },
    expected: [{ part: P442, dueAt: '2026-06-11T16:00:00Z', status: 'upcoming' }] },
  { checks: P442, name: 'drought on the 14-day option', kind: s,
    input: { schedule: fortnight, now: '2026-06-11T00:00:00Z', periods: [{ kind: 'drought', start: '2026-06-01' }], storms: [june10(0.3)] },
    expected: [{ part: P442, dueAt: '2026-06-11T16:00:00Z', status: 'upcoming' }] },
  { checks: 'CGP 2022 Part 4.4.1', name: 'stabilized: no storm inspections', kind: s,
    input: { schedule: fortnight, periods: [{ kind: 'stabilized', start: '2026-06-01' }], storms: [june10(1)] }, expected: [] },
  { checks: 'CGP 2022 Part 4.4.3', name: 'frozen, construction continuing: no storm inspections', kind: s,
    input: { schedule: fortnight, periods: [{ kind: 'frozen_continuing', start: '2026-06-01' }], storms: [june10(1)] }, expected: [] },
  { checks: P422, name: 'spring forward: 24 elapsed hours (02:00 CDT the next day)', kind: s,
    input: { schedule: fortnight, coverageStart: '2026-03-01', now: '2026-03-08T08:00:00Z', storms: [storm('s1', '2026-03-08T05:00:00Z', '2026-03-08T07:00:00Z', 0.4)] },
    expected: [{ part: P422, dueAt: '2026-03-09T07:00:00Z', status: 'upcoming' }] },
  { checks: P422, name: 'a storm ending in the repeated fall-back hour', kind: s,
    input: { schedule: fortnight, coverageStart: '2026-10-25', now: '2026-11-01T08:00:00Z', storms: [storm('s1', '2026-11-01T04:00:00Z', '2026-11-01T07:30:00Z', 0.4)] },
    expected: [{ part: P422, dueAt: '2026-11-02T07:30:00Z', status: 'upcoming' }] },
  { checks: P422, name: 'snowmelt discharge from 3.25 in of snow: within 24 hours', kind: m,
    input: { schedule: fortnight, ...march, snowmelts: melt(3.25) },
    expected: [{ part: P422, dueAt: '2026-03-21T15:00:00Z', status: 'upcoming' }] },
  { checks: P422, name: 'snowmelt from 3.0 in of snow does not count', kind: m, input: { schedule: fortnight, ...march, snowmelts: melt(3) }, expected: [] },
  { checks: 'CGP 2022 Part 4.2.1', name: 'the 7-day option has no snowmelt inspections', kind: m, input: { ...march, snowmelts: melt(6) }, expected: [] },
  { checks: P43, name: 'sensitive waters on the 7-day option: snowmelt too', kind: m,
    input: { sensitiveWater: true, ...march, snowmelts: melt(4) },
    expected: [{ part: P43, dueAt: '2026-03-21T15:00:00Z', status: 'upcoming' }] },
  { checks: P422, name: 'snowmelt inspected in time', kind: m,
    input: { schedule: fortnight, ...march, now: '2026-03-21T11:00:00Z', snowmelts: melt(5), inspections: [insp('i1', '2026-03-21T10:00:00Z')] },
    expected: [{ part: P422, dueAt: '2026-03-21T15:00:00Z', status: 'met', metBy: 'i1' }] },
  { checks: P422, name: "the project's snow threshold setting (2 in)", kind: m,
    input: { schedule: fortnight, ...march, snowThresholdInches: 2, snowmelts: melt(2.5) },
    expected: [{ part: P422, dueAt: '2026-03-21T15:00:00Z', status: 'upcoming' }] },
  { checks: P471, name: 'report completed within 24 hours', kind: r,
    input: { now: '2026-06-07T00:00:00Z', inspections: [insp('i1', '2026-06-05T15:00:00Z', '2026-06-06T14:00:00Z')] },
    expected: [{ part: P471, dueAt: '2026-06-06T15:00:00Z', status: 'met', metBy: 'i1' }] },
  { checks: P471, name: 'report completed after 24 hours', kind: r,
    input: { now: '2026-06-07T00:00:00Z', inspections: [insp('i1', '2026-06-05T15:00:00Z', '2026-06-06T16:00:00Z')] },
    expected: [{ part: P471, dueAt: '2026-06-06T15:00:00Z', status: 'met_late', metBy: 'i1' }] },
  { checks: P471, name: 'report not yet completed, within the 24 hours', kind: r,
    input: { now: '2026-06-05T20:00:00Z', inspections: [insp('i1', '2026-06-05T15:00:00Z')] },
    expected: [{ part: P471, dueAt: '2026-06-06T15:00:00Z', status: 'upcoming' }] },
  { checks: P471, name: 'report overdue at the 24th hour', kind: r,
    input: { now: '2026-06-06T15:00:00Z', inspections: [insp('i1', '2026-06-05T15:00:00Z')] },
    expected: [{ part: P471, dueAt: '2026-06-06T15:00:00Z', status: 'overdue' }] },
  { checks: P471, name: 'report across spring forward: 24 elapsed hours, 21:00 CDT for a 20:00 CST inspection', kind: r,
    input: { coverageStart: '2026-03-01', now: '2026-03-08T03:00:00Z', inspections: [insp('i1', '2026-03-08T02:00:00Z')] },
    expected: [{ part: P471, dueAt: '2026-03-09T02:00:00Z', status: 'upcoming' }] },
];

describe('storm, snowmelt and report clocks (table, by hand from the permit)', () => runCases(cases));
