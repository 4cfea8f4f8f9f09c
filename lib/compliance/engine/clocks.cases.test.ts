/**
 * Maintenance, corrective-action and noncompliance clocks by hand from the
 * 2022 CGP. Close of business is 17:00 local (22:00Z in CDT, 23:00Z in CST);
 * business days are Monday to Friday less recorded closed days (federal
 * holidays only when the project opts in). See docs/compliance.md.
 */
import { describe } from 'vitest';
import { runCases, type EngineCase } from '@/tests/support/compliance-cases';

const P214 = 'CGP 2022 Part 2.1.4';
const P522 = 'CGP 2022 Part 5.2.2';
const PI126 = 'CGP 2022 Appendix I, Part I.12.6';
const found = (kind: 'routine_maintenance' | 'corrective_action', discoveredAt: string, more: object = {}) => [
  { id: 'f1', kind, discoveredAt, ...more },
];
const maint = (discoveredAt: string, more: object = {}) => found('routine_maintenance', discoveredAt, more);
const federal = { closedDays: [], observeUsFederalHolidays: true };
const rm = 'routine_maintenance' as const;
const ca = 'corrective_action' as const;
const aware = (more: object = {}) => [{ id: 'n1', awareAt: '2026-06-09T15:00:00Z', mayEndanger: true, ...more }];

const cases: EngineCase[] = [
  { checks: P214, name: 'found Tuesday: by 17:00 Wednesday', kind: rm, input: { findings: maint('2026-06-09T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-10T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'found Friday: by Monday', kind: rm, input: { findings: maint('2026-06-12T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-15T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'found Saturday: by Monday', kind: rm, input: { findings: maint('2026-06-13T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-15T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'found Sunday: by Monday', kind: rm, input: { findings: maint('2026-06-14T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-15T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'found 11:30 PM Thursday local (Friday in UTC): by Friday', kind: rm, input: { findings: maint('2026-06-12T04:30:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-12T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'opted into federal holidays: Friday July 3 (July 4 observed) is closed', kind: rm,
    input: { business: federal, findings: maint('2026-07-02T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-07-06T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'by default a federal holiday is a business day (the conservative reading)', kind: rm,
    input: { findings: maint('2026-07-02T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-07-03T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'a closed day the project recorded', kind: rm,
    input: { business: { closedDays: ['2026-06-10'] }, findings: maint('2026-06-09T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-11T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'a recorded closed Monday after a weekend', kind: rm,
    input: { business: { closedDays: ['2026-06-15'] }, findings: maint('2026-06-12T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-16T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'Thanksgiving (4th Thursday): found Wednesday, by Friday 17:00 CST', kind: rm,
    input: { business: federal, findings: maint('2026-11-25T16:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-11-27T23:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'Memorial Day (last Monday of May): found Friday, by Tuesday', kind: rm,
    input: { business: federal, coverageStart: '2026-05-01', now: '2026-05-22T16:00:00Z', findings: maint('2026-05-22T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-05-26T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: "New Year's Day on a Saturday is observed Friday Dec 31", kind: rm,
    input: { business: federal, findings: maint('2027-12-30T16:00:00Z') },
    expected: [{ part: P214, dueAt: '2028-01-03T23:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'Christmas on a Saturday is observed Friday Dec 24', kind: rm,
    input: { business: federal, findings: maint('2027-12-23T16:00:00Z') },
    expected: [{ part: P214, dueAt: '2027-12-27T23:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'the close-of-business setting (15:30)', kind: rm,
    input: { business: { closeOfBusiness: '15:30' }, findings: maint('2026-06-09T15:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-06-10T20:30:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'found Friday before spring forward: Monday 17:00 CDT', kind: rm,
    input: { coverageStart: '2026-03-01', now: '2026-03-06T17:00:00Z', findings: maint('2026-03-06T16:00:00Z') },
    expected: [{ part: P214, dueAt: '2026-03-09T22:00:00Z', status: 'upcoming' }] },
  { checks: P214, name: 'completed before the close of business', kind: rm,
    input: { now: '2026-06-11T00:00:00Z', findings: maint('2026-06-09T15:00:00Z', { completedAt: '2026-06-10T21:00:00Z' }) },
    expected: [{ part: P214, dueAt: '2026-06-10T22:00:00Z', status: 'met', metBy: 'f1' }] },
  { checks: P214, name: 'completed after the close of business: met late', kind: rm,
    input: { now: '2026-06-11T00:00:00Z', findings: maint('2026-06-09T15:00:00Z', { completedAt: '2026-06-10T23:00:00Z' }) },
    expected: [{ part: P214, dueAt: '2026-06-10T22:00:00Z', status: 'met_late', metBy: 'f1' }] },
  { checks: P522, name: 'corrective action: 7 calendar days from discovery, same local time', kind: ca,
    input: { now: '2026-06-10T00:00:00Z', findings: found(ca, '2026-06-09T15:00:00Z') },
    expected: [{ part: P522, dueAt: '2026-06-16T15:00:00Z', status: 'upcoming' }] },
  { checks: P522, name: 'corrective action completed in time', kind: ca,
    input: { now: '2026-06-17T00:00:00Z', findings: found(ca, '2026-06-09T15:00:00Z', { completedAt: '2026-06-16T14:59:00Z' }) },
    expected: [{ part: P522, dueAt: '2026-06-16T15:00:00Z', status: 'met', metBy: 'f1' }] },
  { checks: P522, name: 'corrective action completed a minute late', kind: ca,
    input: { now: '2026-06-17T00:00:00Z', findings: found(ca, '2026-06-09T15:00:00Z', { completedAt: '2026-06-16T15:01:00Z' }) },
    expected: [{ part: P522, dueAt: '2026-06-16T15:00:00Z', status: 'met_late', metBy: 'f1' }] },
  { checks: P522, name: 'corrective action overdue', kind: ca,
    input: { now: '2026-06-16T15:00:00Z', findings: found(ca, '2026-06-09T15:00:00Z') },
    expected: [{ part: P522, dueAt: '2026-06-16T15:00:00Z', status: 'overdue' }] },
  { checks: P522, name: 'across spring forward: 10:00 CST to 10:00 CDT (167 hours)', kind: ca,
    input: { coverageStart: '2026-03-01', now: '2026-03-06T00:00:00Z', findings: found(ca, '2026-03-05T16:00:00Z') },
    expected: [{ part: P522, dueAt: '2026-03-12T15:00:00Z', status: 'upcoming' }] },
  { checks: P522, name: 'across fall back: 10:00 CDT to 10:00 CST (169 hours)', kind: ca,
    input: { coverageStart: '2026-10-25', now: '2026-10-30T00:00:00Z', findings: found(ca, '2026-10-29T15:00:00Z') },
    expected: [{ part: P522, dueAt: '2026-11-05T16:00:00Z', status: 'upcoming' }] },
  { checks: P522, name: 'infeasible within 7 days, documented in time: the documented schedule applies', kind: ca,
    input: {
      now: '2026-06-26T00:00:00Z',
      findings: found(ca, '2026-06-09T15:00:00Z', {
        completedAt: '2026-06-25T15:00:00Z',
        infeasible: { documentedAt: '2026-06-12T15:00:00Z', reason: 'culvert on back order', scheduledBy: '2026-06-30T22:00:00Z' },
      }),
    },
    expected: [
      { part: P522, dueAt: '2026-06-16T15:00:00Z', status: 'met', metBy: 'f1:infeasible' },
      { part: P522, dueAt: '2026-06-30T22:00:00Z', status: 'met', metBy: 'f1' },
    ] },
  { checks: P522, name: 'infeasibility documented after the 7 days: late, and the schedule still runs', kind: ca,
    input: {
      now: '2026-07-01T00:00:00Z',
      findings: found(ca, '2026-06-09T15:00:00Z', {
        infeasible: { documentedAt: '2026-06-17T15:00:00Z', reason: 'culvert on back order', scheduledBy: '2026-06-30T22:00:00Z' },
      }),
    },
    expected: [
      { part: P522, dueAt: '2026-06-16T15:00:00Z', status: 'met_late', metBy: 'f1:infeasible' },
      { part: P522, dueAt: '2026-06-30T22:00:00Z', status: 'overdue' },
    ] },
  { checks: P522, name: 'completed within the 7 days: a documented infeasibility changes nothing', kind: ca,
    input: {
      now: '2026-06-20T00:00:00Z',
      findings: found(ca, '2026-06-09T15:00:00Z', {
        completedAt: '2026-06-14T15:00:00Z',
        infeasible: { documentedAt: '2026-06-12T15:00:00Z', reason: 'weather', scheduledBy: '2026-06-30T22:00:00Z' },
      }),
    },
    expected: [{ part: P522, dueAt: '2026-06-16T15:00:00Z', status: 'met', metBy: 'f1' }] },
  { checks: PI126, name: 'noncompliance that may endanger: oral report within 24 hours', kind: 'noncompliance_oral_report',
    input: { now: '2026-06-12T00:00:00Z', noncompliance: aware({ oralReportAt: '2026-06-10T10:00:00Z' }) },
    expected: [{ part: PI126, dueAt: '2026-06-10T15:00:00Z', status: 'met', metBy: 'n1' }] },
  { checks: PI126, name: 'oral report after 24 hours: met late', kind: 'noncompliance_oral_report',
    input: { now: '2026-06-12T00:00:00Z', noncompliance: aware({ oralReportAt: '2026-06-10T16:00:00Z' }) },
    expected: [{ part: PI126, dueAt: '2026-06-10T15:00:00Z', status: 'met_late', metBy: 'n1' }] },
  { checks: PI126, name: 'written report within 5 days (120 hours)', kind: 'noncompliance_written_report',
    input: { now: '2026-06-12T00:00:00Z', noncompliance: aware() },
    expected: [{ part: PI126, dueAt: '2026-06-14T15:00:00Z', status: 'upcoming' }] },
  { checks: PI126, name: 'written report an hour after the 120th: met late', kind: 'noncompliance_written_report',
    input: { now: '2026-06-15T00:00:00Z', noncompliance: aware({ writtenReportAt: '2026-06-14T16:00:00Z' }) },
    expected: [{ part: PI126, dueAt: '2026-06-14T15:00:00Z', status: 'met_late', metBy: 'n1' }] },
  { checks: PI126, name: 'written report across spring forward: elapsed hours (11:00 CDT for 10:00 CST)', kind: 'noncompliance_written_report',
    input: { coverageStart: '2026-03-01', now: '2026-03-06T00:00:00Z', noncompliance: [{ id: 'n1', awareAt: '2026-03-05T16:00:00Z', mayEndanger: true }] },
    expected: [{ part: PI126, dueAt: '2026-03-10T16:00:00Z', status: 'upcoming' }] },
  { checks: PI126, name: 'noncompliance that does not endanger has no 24-hour clock', kind: 'noncompliance_oral_report',
    input: { noncompliance: aware({ mayEndanger: false }) }, expected: [] },
];

describe('maintenance, corrective-action and noncompliance clocks (table, by hand from the permit)', () => runCases(cases));
