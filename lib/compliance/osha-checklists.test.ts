import { describe, expect, it } from 'vitest';
import { oshaDailyDue, oshaWeeklyDue, siteChecklists } from './osha-checklists';

// Expected instants worked out by hand: America/Chicago is UTC−6 (CST) in winter, UTC−5 (CDT) from 2026-03-08.
const tz = 'America/Chicago';
const at = (iso: string) => new Date(iso);

describe('OSHA daily site safety: before work each workday (29 CFR 1926.651(k)(1) excavations, 1926.451(f)(3) scaffolds)', () => {
  it('on a workday before 7:00 CST it is due at the start of work', () => {
    const due = oshaDailyDue({ now: at('2026-12-01T12:00:00Z'), timeZone: tz, completedAt: [] });
    expect(due).toMatchObject({ day: '2026-12-01', status: 'due', metAt: null });
    expect(due.dueAt.toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(due.opensAt.toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(due.reference).toContain('1926.651(k)(1)');
  });

  it('after the start of work with no checklist it is overdue', () => {
    expect(oshaDailyDue({ now: at('2026-12-01T14:00:00Z'), timeZone: tz, completedAt: [] }).status).toBe('overdue');
  });

  it('a checklist before work meets it; one later that day meets it late', () => {
    const onTime = oshaDailyDue({ now: at('2026-12-01T20:00:00Z'), timeZone: tz, completedAt: [at('2026-12-01T12:30:00Z')] });
    expect(onTime).toMatchObject({ status: 'met', metAt: at('2026-12-01T12:30:00Z') });
    const late = oshaDailyDue({ now: at('2026-12-01T20:00:00Z'), timeZone: tz, completedAt: [at('2026-12-01T15:00:00Z')] });
    expect(late.status).toBe('met_late');
  });

  it("the evening before does not count (the day's conditions are inspected)", () => {
    // 2026-11-30 20:00 CST is 2026-12-01T02:00Z: the UTC date is the 1st, the site's date the 30th.
    const due = oshaDailyDue({ now: at('2026-12-01T12:00:00Z'), timeZone: tz, completedAt: [at('2026-12-01T02:00:00Z')] });
    expect(due.status).toBe('due');
  });

  it('on a Saturday the next one is Monday at 7:00', () => {
    const due = oshaDailyDue({ now: at('2026-12-05T18:00:00Z'), timeZone: tz, completedAt: [] });
    expect(due.day).toBe('2026-12-07');
    expect(due.dueAt.toISOString()).toBe('2026-12-07T13:00:00.000Z');
    expect(due.status).toBe('due');
  });

  it('across the spring-forward change 7:00 is 13:00Z on Friday and 12:00Z on Monday', () => {
    expect(oshaDailyDue({ now: at('2026-03-06T10:00:00Z'), timeZone: tz, completedAt: [] }).dueAt.toISOString()).toBe(
      '2026-03-06T13:00:00.000Z',
    );
    expect(oshaDailyDue({ now: at('2026-03-09T10:00:00Z'), timeZone: tz, completedAt: [] }).dueAt.toISOString()).toBe(
      '2026-03-09T12:00:00.000Z',
    );
  });

  it("follows the company's work week (Monday–Saturday, 6:30)", () => {
    const due = oshaDailyDue({
      now: at('2026-12-05T10:00:00Z'),
      timeZone: tz,
      completedAt: [],
      week: { workdays: [1, 2, 3, 4, 5, 6], startOfWorkMinutes: 6 * 60 + 30 },
    });
    expect(due.day).toBe('2026-12-05');
    expect(due.dueAt.toISOString()).toBe('2026-12-05T12:30:00.000Z');
  });
});

describe('OSHA weekly site inspection: company program, once a work week (29 CFR 1926.20(b)(2) sets no frequency)', () => {
  it('is due by the end of Friday of the current week', () => {
    const due = oshaWeeklyDue({ now: at('2026-12-02T18:00:00Z'), timeZone: tz, completedAt: [] });
    expect(due).toMatchObject({ day: '2026-11-30', status: 'due' });
    expect(due.opensAt.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(due.dueAt.toISOString()).toBe('2026-12-05T06:00:00.000Z');
    expect(due.reference).toContain('1926.20(b)(2)');
  });

  it('a checklist earlier in the week meets it; last week’s does not', () => {
    expect(
      oshaWeeklyDue({ now: at('2026-12-02T18:00:00Z'), timeZone: tz, completedAt: [at('2026-11-30T15:00:00Z')] }).status,
    ).toBe('met');
    expect(
      oshaWeeklyDue({ now: at('2026-12-02T18:00:00Z'), timeZone: tz, completedAt: [at('2026-11-27T15:00:00Z')] }).status,
    ).toBe('due');
  });

  it('on Saturday without one it is overdue; one done Saturday is late', () => {
    expect(oshaWeeklyDue({ now: at('2026-12-05T18:00:00Z'), timeZone: tz, completedAt: [] }).status).toBe('overdue');
    expect(
      oshaWeeklyDue({ now: at('2026-12-05T19:00:00Z'), timeZone: tz, completedAt: [at('2026-12-05T18:00:00Z')] }).status,
    ).toBe('met_late');
  });

  it('Sunday belongs to the week that started the Monday before', () => {
    expect(oshaWeeklyDue({ now: at('2026-12-06T18:00:00Z'), timeZone: tz, completedAt: [] }).day).toBe('2026-11-30');
  });
});

describe('siteChecklists: what My work lists as due today', () => {
  const kinds = (now: string, submitted: { type: string; at: Date }[] = []) =>
    siteChecklists({ now: at(now), timeZone: tz, submitted })
      .filter((c) => c.dueToday)
      .map((c) => `${c.kind}:${c.status}`);

  it('a Tuesday before work: the daily one is due, the weekly one not yet', () => {
    expect(kinds('2026-12-01T12:00:00Z')).toEqual(['osha_daily:due']);
  });

  it('after 7:00 with nothing submitted the daily one is overdue', () => {
    expect(kinds('2026-12-01T14:00:00Z')).toEqual(['osha_daily:overdue']);
  });

  it("a daily checklist submitted that morning takes it off; the evening before's does not", () => {
    expect(kinds('2026-12-01T14:00:00Z', [{ type: 'osha_daily', at: at('2026-12-01T12:30:00Z') }])).toEqual([]);
    // Control: the same checklist submitted the evening before (Nov 30, 20:00 CST).
    expect(kinds('2026-12-01T14:00:00Z', [{ type: 'osha_daily', at: at('2026-12-01T02:00:00Z') }])).toEqual(['osha_daily:overdue']);
    // Control: a weekly checklist is not the daily one.
    expect(kinds('2026-12-01T14:00:00Z', [{ type: 'osha_weekly', at: at('2026-12-01T12:30:00Z') }])).toEqual(['osha_daily:overdue']);
  });

  it("Friday (the week's last workday) lists the weekly one until it is done", () => {
    expect(kinds('2026-12-04T12:00:00Z')).toEqual(['osha_daily:due', 'osha_weekly:due']);
    expect(kinds('2026-12-04T12:00:00Z', [{ type: 'osha_weekly', at: at('2026-11-30T15:00:00Z') }])).toEqual(['osha_daily:due']);
  });

  it('on a Saturday nothing daily is due today (Monday is next); an undone weekly one is overdue', () => {
    expect(kinds('2026-12-05T18:00:00Z')).toEqual(['osha_weekly:overdue']);
  });
});
