import { describe, expect, it } from 'vitest';
import { inspectionDue, type DueInput } from './inspection-due';

const d = (s: string) => new Date(s);
const base: DueInput = {
  schedule: 'every_7_days',
  lastInspectedAt: d('2026-11-01T12:00:00Z'),
  startedAt: d('2026-10-01T00:00:00Z'),
  rainEvents: [],
  thresholdInches: 0.25,
  deadlineHours: 24,
  now: d('2026-11-03T12:00:00Z'),
};

describe('inspectionDue', () => {
  it('is due 7 days after the last inspection on the weekly schedule', () => {
    expect(inspectionDue(base)).toEqual({ dueAt: d('2026-11-08T12:00:00Z'), reason: 'routine', status: 'ok' });
  });

  it('is due soon within two days and overdue after the due date', () => {
    expect(inspectionDue({ ...base, now: d('2026-11-07T00:00:00Z') }).status).toBe('due_soon');
    expect(inspectionDue({ ...base, now: d('2026-11-08T12:00:01Z') }).status).toBe('overdue');
  });

  it('counts from the start when a project was never inspected', () => {
    expect(inspectionDue({ ...base, lastInspectedAt: null }).dueAt).toEqual(d('2026-10-08T00:00:00Z'));
  });

  it('on the 14-day option, a storm at or above the threshold pulls the due date to 24 h after it ends', () => {
    const storm = { amountInches: 0.25, startedAt: d('2026-11-02T00:00:00Z'), endedAt: d('2026-11-02T06:00:00Z') };
    const due = inspectionDue({ ...base, schedule: 'every_14_days_and_storm', rainEvents: [storm] });
    expect(due).toEqual({ dueAt: d('2026-11-03T06:00:00Z'), reason: 'storm_event', status: 'overdue' });
  });

  it('ignores storms below the threshold, before the last inspection, and on the 7-day option', () => {
    const small = { amountInches: 0.24, startedAt: d('2026-11-02T00:00:00Z'), endedAt: null };
    const old = { amountInches: 2, startedAt: d('2026-10-30T00:00:00Z'), endedAt: d('2026-10-31T00:00:00Z') };
    const fortnight = { ...base, schedule: 'every_14_days_and_storm' as const, rainEvents: [small, old] };
    expect(inspectionDue(fortnight)).toMatchObject({ dueAt: d('2026-11-15T12:00:00Z'), reason: 'routine' });
    const big = { amountInches: 1, startedAt: d('2026-11-02T00:00:00Z'), endedAt: null };
    expect(inspectionDue({ ...base, rainEvents: [big] }).reason).toBe('routine');
  });
});
