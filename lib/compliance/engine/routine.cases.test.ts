/**
 * Routine inspections by hand from the 2022 CGP: "every 7 (or 14) calendar
 * days" is by the end of the 7th (14th) local date after the last inspection;
 * Chicago's day ends at 05:00Z in CDT and 06:00Z in CST. See docs/compliance.md.
 */
import { describe } from 'vitest';
import { runCases, type EngineCase } from '@/tests/support/compliance-cases';

const P421 = 'CGP 2022 Part 4.2.1';
const P422 = 'CGP 2022 Part 4.2.2';
const P43 = 'CGP 2022 Part 4.3';
const P441 = 'CGP 2022 Part 4.4.1';
const P442 = 'CGP 2022 Part 4.4.2';
const P443 = 'CGP 2022 Part 4.4.3';
const insp = (id: string, at: string) => ({ id, at });
const k = 'routine_inspection' as const;

const cases: EngineCase[] = [
  { checks: P421, name: 'never inspected: due by the end of the 7th day after coverage start', kind: k, input: {},
    expected: [{ part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'upcoming' }] },
  { checks: P421, name: 'overdue the instant the 7th day ends', kind: k, input: { now: '2026-06-09T05:00:00Z' },
    expected: [{ part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'overdue' }] },
  { checks: P421, name: 'still upcoming a second before the day ends', kind: k, input: { now: '2026-06-09T04:59:59Z' },
    expected: [{ part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'upcoming' }] },
  { checks: P421, name: 'an inspection meets it and restarts the 7 days', kind: k,
    input: { now: '2026-06-07T12:00:00Z', inspections: [insp('i1', '2026-06-05T15:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-06-13T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P421, name: 'a late inspection is met late and the next is counted from it', kind: k,
    input: { now: '2026-06-11T00:00:00Z', inspections: [insp('i1', '2026-06-10T15:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'met_late', metBy: 'i1' },
      { part: P421, dueAt: '2026-06-18T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P421, name: 'an 11:30 PM inspection counts on its local date, not the UTC one', kind: k,
    input: { now: '2026-06-07T12:00:00Z', inspections: [insp('i1', '2026-06-06T04:30:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-06-13T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P421, name: 'weekends are calendar days: Saturday to Saturday', kind: k,
    input: { now: '2026-06-07T12:00:00Z', inspections: [insp('i1', '2026-06-06T15:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-06-14T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P422, name: '14-day option, never inspected', kind: k, input: { schedule: 'every_14_days_and_storm' },
    expected: [{ part: P422, dueAt: '2026-06-16T05:00:00Z', status: 'upcoming' }] },
  { checks: P422, name: '14-day option, counted from the last inspection', kind: k,
    input: { schedule: 'every_14_days_and_storm', now: '2026-06-07T12:00:00Z', inspections: [insp('i1', '2026-06-05T15:00:00Z')] },
    expected: [
      { part: P422, dueAt: '2026-06-16T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P422, dueAt: '2026-06-20T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P43, name: 'sensitive waters on the 14-day option: every 7 days', kind: k,
    input: { schedule: 'every_14_days_and_storm', sensitiveWater: true },
    expected: [{ part: P43, dueAt: '2026-06-09T05:00:00Z', status: 'upcoming' }] },
  { checks: P43, name: 'sensitive waters on the 7-day option', kind: k,
    input: { sensitiveWater: true, now: '2026-06-07T12:00:00Z', inspections: [insp('i1', '2026-06-05T15:00:00Z')] },
    expected: [
      { part: P43, dueAt: '2026-06-09T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P43, dueAt: '2026-06-13T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P421, name: 'spring forward: the day ends at 05:00Z after the change, not 168 hours on', kind: k,
    input: { coverageStart: '2026-03-01', now: '2026-03-06T00:00:00Z', inspections: [insp('i1', '2026-03-05T16:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-03-09T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-03-13T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P421, name: 'fall back: the day ends at 06:00Z after the change', kind: k,
    input: { coverageStart: '2026-10-25', now: '2026-10-29T00:00:00Z', inspections: [insp('i1', '2026-10-28T15:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-11-02T06:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-11-05T06:00:00Z', status: 'upcoming' },
    ] },
  { checks: P421, name: 'Phoenix keeps standard time through March', kind: k,
    input: { timeZone: 'America/Phoenix', coverageStart: '2026-03-01', now: '2026-03-06T00:00:00Z', inspections: [insp('i1', '2026-03-05T17:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-03-09T07:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-03-13T07:00:00Z', status: 'upcoming' },
    ] },
  { checks: P421, name: 'Guam: the local date is a day ahead of UTC', kind: k,
    input: { timeZone: 'Pacific/Guam', now: '2026-06-06T00:00:00Z', inspections: [insp('i1', '2026-06-05T20:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-06-08T14:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-06-13T14:00:00Z', status: 'upcoming' },
    ] },
  { checks: P441, name: 'stabilized, first month: within 14 days', kind: k,
    input: { periods: [{ kind: 'stabilized', start: '2026-06-01' }] },
    expected: [{ part: P441, dueAt: '2026-06-16T05:00:00Z', status: 'upcoming' }] },
  { checks: P441, name: 'stabilized: no more than 14 days apart in the first month, then monthly', kind: k,
    input: {
      now: '2026-07-11T00:00:00Z',
      periods: [{ kind: 'stabilized', start: '2026-06-01' }],
      inspections: [insp('i1', '2026-06-05T15:00:00Z'), insp('i2', '2026-06-15T15:00:00Z'), insp('i3', '2026-06-29T15:00:00Z'), insp('i4', '2026-07-10T15:00:00Z')],
    },
    expected: [
      { part: P441, dueAt: '2026-06-16T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P441, dueAt: '2026-06-20T05:00:00Z', status: 'met', metBy: 'i2' },
      { part: P441, dueAt: '2026-06-30T05:00:00Z', status: 'met', metBy: 'i3' },
      { part: P441, dueAt: '2026-07-14T05:00:00Z', status: 'met', metBy: 'i4' },
      { part: P441, dueAt: '2026-08-10T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P442, name: 'monthly in a dry period: Jan 31 → Feb 28 (month end), not Mar 2 (30 days)', kind: k,
    input: { coverageStart: '2026-01-01', now: '2026-02-01T00:00:00Z', periods: [{ kind: 'arid', start: '2026-01-01' }], inspections: [insp('i1', '2026-01-31T18:00:00Z')] },
    expected: [
      { part: P442, dueAt: '2026-02-01T06:00:00Z', status: 'met', metBy: 'i1' },
      { part: P442, dueAt: '2026-03-01T06:00:00Z', status: 'upcoming' },
    ] },
  { checks: P442, name: 'monthly in a dry period: Mar 1 → Mar 31 (30 days), not Apr 1', kind: k,
    input: { coverageStart: '2026-03-01', now: '2026-03-02T00:00:00Z', periods: [{ kind: 'arid', start: '2026-03-01' }] },
    expected: [{ part: P442, dueAt: '2026-04-01T05:00:00Z', status: 'upcoming' }] },
  { checks: P443, name: 'frozen, construction continuing: monthly', kind: k,
    input: { coverageStart: '2026-01-01', now: '2026-01-02T00:00:00Z', periods: [{ kind: 'frozen_continuing', start: '2026-01-01' }] },
    expected: [{ part: P443, dueAt: '2026-02-01T06:00:00Z', status: 'upcoming' }] },
  { checks: P443, name: 'frozen, construction suspended, no thaw recorded: nothing due', kind: k,
    input: { coverageStart: '2026-01-01', now: '2026-02-01T00:00:00Z', periods: [{ kind: 'frozen_suspended', start: '2026-01-01' }] },
    expected: [] },
  { checks: P443, name: 'frozen suspension: the inspection before it counts, the clock restarts the day after thaw', kind: k,
    input: {
      coverageStart: '2026-01-01',
      now: '2026-02-22T00:00:00Z',
      periods: [{ kind: 'frozen_suspended', start: '2026-01-05', end: '2026-02-20' }],
      inspections: [insp('i1', '2026-01-02T16:00:00Z')],
    },
    expected: [
      { part: P421, dueAt: '2026-01-09T06:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-03-01T06:00:00Z', status: 'upcoming' },
    ] },
  { checks: P441, name: 'construction resumes on a stabilized area: the 7-day frequency applies at once', kind: k,
    input: {
      coverageStart: '2026-04-01',
      now: '2026-06-02T00:00:00Z',
      periods: [{ kind: 'stabilized', start: '2026-04-01', end: '2026-06-20' }],
      inspections: [insp('i1', '2026-06-01T15:00:00Z')],
    },
    expected: [
      { part: P441, dueAt: '2026-04-16T05:00:00Z', status: 'met_late', metBy: 'i1' },
      { part: P421, dueAt: '2026-06-29T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P441, name: 'a reduced period that starts does not extend the deadline already running', kind: k,
    input: { now: '2026-06-06T00:00:00Z', periods: [{ kind: 'stabilized', start: '2026-06-08' }], inspections: [insp('i1', '2026-06-05T15:00:00Z')] },
    expected: [
      { part: P421, dueAt: '2026-06-09T05:00:00Z', status: 'met', metBy: 'i1' },
      { part: P421, dueAt: '2026-06-13T05:00:00Z', status: 'upcoming' },
    ] },
  { checks: P441, name: 'overlapping periods: the stricter frequency wins', kind: k,
    input: { periods: [{ kind: 'drought', start: '2026-06-01' }, { kind: 'stabilized', start: '2026-06-01' }] },
    expected: [{ part: P441, dueAt: '2026-06-16T05:00:00Z', status: 'upcoming' }] },
];

describe('routine inspections (table, by hand from the permit)', () => runCases(cases));
