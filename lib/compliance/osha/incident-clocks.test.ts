import { describe, expect, it } from 'vitest';
import { clockState, oshaLogEntryDue, oshaReportingClock, oshaRetention, type IncidentFacts } from './incident-clocks';

const at = (iso: string) => new Date(iso);
const H = 3_600_000;
const base = { occurredAt: at('2026-03-10T14:00:00Z'), learnedAt: at('2026-03-10T14:30:00Z') };

describe('29 CFR 1904.39 reporting clocks', () => {
  const cases: { name: string; facts: IncidentFacts; part: string; dueAt: string | null }[] = [
    { name: '1904.39(a)(1): fatality, 8 hours from learning', facts: { ...base, outcome: 'fatality' }, part: '29 CFR 1904.39(a)(1)', dueAt: '2026-03-10T22:30:00.000Z' },
    { name: '1904.39(a)(2): in-patient hospitalization, 24 hours', facts: { ...base, outcome: 'inpatient_hospitalization' }, part: '29 CFR 1904.39(a)(2)', dueAt: '2026-03-11T14:30:00.000Z' },
    { name: '1904.39(a)(2): amputation, 24 hours', facts: { ...base, outcome: 'amputation' }, part: '29 CFR 1904.39(a)(2)', dueAt: '2026-03-11T14:30:00.000Z' },
    { name: '1904.39(a)(2): loss of an eye, 24 hours', facts: { ...base, outcome: 'loss_of_eye' }, part: '29 CFR 1904.39(a)(2)', dueAt: '2026-03-11T14:30:00.000Z' },
    { name: '1904.39(a): other recordable case, no report', facts: { ...base, outcome: 'other_recordable' }, part: '29 CFR 1904.39(a)', dueAt: null },
    {
      name: '1904.39(b)(7): learned two days later, the clock starts then',
      facts: { ...base, outcome: 'fatality', learnedAt: at('2026-03-12T09:00:00Z'), outcomeAt: at('2026-03-12T08:00:00Z') },
      part: '29 CFR 1904.39(a)(1)',
      dueAt: '2026-03-12T17:00:00.000Z',
    },
    {
      name: '1904.39(b)(6): death on day 30 after the incident is reportable',
      facts: { ...base, outcome: 'fatality', outcomeAt: at('2026-04-09T14:00:00Z'), learnedAt: at('2026-04-09T15:00:00Z') },
      part: '29 CFR 1904.39(a)(1)',
      dueAt: '2026-04-09T23:00:00.000Z',
    },
    {
      name: '1904.39(b)(6): death more than 30 days later is not',
      facts: { ...base, outcome: 'fatality', outcomeAt: at('2026-04-09T14:00:01Z'), learnedAt: at('2026-04-09T15:00:00Z') },
      part: '29 CFR 1904.39(b)(6)',
      dueAt: null,
    },
    {
      name: '1904.39(b)(6): hospitalized 25 hours after the incident is not reportable',
      facts: { ...base, outcome: 'inpatient_hospitalization', outcomeAt: at('2026-03-11T15:00:00Z') },
      part: '29 CFR 1904.39(b)(6)',
      dueAt: null,
    },
    {
      name: '1904.39(b)(6): hospitalized exactly 24 hours after is',
      facts: { ...base, outcome: 'inpatient_hospitalization', outcomeAt: at('2026-03-11T14:00:00Z'), learnedAt: at('2026-03-11T14:10:00Z') },
      part: '29 CFR 1904.39(a)(2)',
      dueAt: '2026-03-12T14:10:00.000Z',
    },
    {
      // Hour rules are elapsed time: across the spring-forward night (US, Mar 8 2026) 8 hours are 8 real hours.
      name: '1904.39(a)(1): elapsed hours across a DST change',
      facts: { outcome: 'fatality', occurredAt: at('2026-03-08T06:00:00Z'), learnedAt: at('2026-03-08T06:30:00Z') },
      part: '29 CFR 1904.39(a)(1)',
      dueAt: '2026-03-08T14:30:00.000Z',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const clock = oshaReportingClock(c.facts);
      expect(clock.part).toBe(c.part);
      expect(clock.required ? clock.dueAt.toISOString() : null).toBe(c.dueAt);
    });
  }
});

describe('clock state', () => {
  const facts: IncidentFacts = { ...base, outcome: 'fatality' };
  it('runs until the deadline, then is overdue (1904.39(a)(1))', () => {
    expect(clockState(facts, at('2026-03-10T20:30:00Z'))).toMatchObject({ state: 'due', remainingMs: 2 * H });
    expect(clockState(facts, at('2026-03-10T23:30:00Z'))).toMatchObject({ state: 'overdue', overdueMs: H });
  });
  it('stops when reported: on time, or late past the deadline', () => {
    expect(clockState({ ...facts, reportedAt: at('2026-03-10T20:00:00Z') }, at('2026-03-20T00:00:00Z'))).toMatchObject({ state: 'reported', late: false });
    expect(clockState({ ...facts, reportedAt: at('2026-03-10T22:30:01Z') }, at('2026-03-20T00:00:00Z'))).toMatchObject({ state: 'reported', late: true });
  });
  it('no clock for a case 1904.39 does not cover', () => {
    expect(clockState({ ...base, outcome: 'other_recordable' }, at('2026-03-20T00:00:00Z'))).toEqual({ state: 'not_required' });
  });
});

describe('29 CFR 1904.29(b)(3) log entry', () => {
  it('within 7 calendar days of learning of the case', () => {
    expect(oshaLogEntryDue(base)).toEqual({ part: '29 CFR 1904.29(b)(3)', dueAt: at('2026-03-17T14:30:00Z') });
  });
});

describe('29 CFR 1904.33(a) retention: five years following the end of the calendar year', () => {
  it('a 2026 case is kept through 2031-12-31, discardable from midnight Jan 1 2032 at the site', () => {
    const r = oshaRetention(at('2026-03-10T14:00:00Z'), 'America/Chicago');
    expect(r).toMatchObject({ part: '29 CFR 1904.33(a)', calendarYear: 2026, retainThrough: '2031-12-31' });
    expect(r.discardableAt.toISOString()).toBe('2032-01-01T06:00:00.000Z');
  });
  it('the calendar year is the site zone\'s: 11 PM Dec 31 in Chicago is already Jan 1 in UTC', () => {
    const evening = at('2027-01-01T05:00:00Z');
    expect(oshaRetention(evening, 'America/Chicago')).toMatchObject({ calendarYear: 2026, retainThrough: '2031-12-31' });
    expect(oshaRetention(evening, 'UTC')).toMatchObject({ calendarYear: 2027, retainThrough: '2032-12-31' });
  });
  it('a case on Jan 1 is kept almost six years', () => {
    expect(oshaRetention(at('2026-01-01T12:00:00Z'), 'UTC').discardableAt.toISOString()).toBe('2032-01-01T00:00:00.000Z');
  });
});
