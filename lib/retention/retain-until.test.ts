import { describe, expect, it } from 'vitest';
import { incidentRetainUntil, isPastRetention, projectRetainUntil } from './retain-until';

describe('EPA CGP Part 4.8: project records', () => {
  const cases: { name: string; status: 'active' | 'completed' | 'archived'; permitEnd: string | null; years: number; retainUntil: string | null }[] = [
    { name: 'three years after coverage ends (termination date), org rule 3', status: 'completed', permitEnd: '2020-06-30', years: 3, retainUntil: '2023-06-30' },
    { name: 'the org rule is longer: 7 years after the termination date', status: 'archived', permitEnd: '2020-06-30', years: 7, retainUntil: '2027-06-30' },
    { name: 'an org rule below 3 never shortens the permit’s 3 years', status: 'completed', permitEnd: '2020-06-30', years: 1, retainUntil: '2023-06-30' },
    { name: 'Feb 29 termination: the anniversary on a common year is Feb 28', status: 'completed', permitEnd: '2024-02-29', years: 3, retainUntil: '2027-02-28' },
    { name: 'no termination date: never purgeable', status: 'completed', permitEnd: null, years: 3, retainUntil: null },
    { name: 'still active (coverage has not ended): never purgeable, whatever the date says', status: 'active', permitEnd: '2001-01-01', years: 3, retainUntil: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = projectRetainUntil({ status: c.status, permitEnd: c.permitEnd }, c.years);
      expect(r.retainUntil).toBe(c.retainUntil);
      expect(r.rule).toMatch(/CGP Part 4\.8/);
    });
  }

  it('counts from the termination date, not from creation: kept through the last day, purgeable the day after (UTC)', () => {
    const r = projectRetainUntil({ status: 'completed', permitEnd: '2020-06-30' }, 3);
    expect(isPastRetention(r, new Date('2023-06-30T23:59:59.999Z'))).toBe(false);
    expect(isPastRetention(r, new Date('2023-07-01T00:00:00.000Z'))).toBe(true);
  });

  it('a project without an end is not past retention even centuries later', () => {
    expect(isPastRetention(projectRetainUntil({ status: 'active', permitEnd: '2000-01-01' }, 3), new Date('2400-01-01'))).toBe(false);
  });
});

describe('29 CFR 1904.33(a): OSHA injury and illness records', () => {
  const cases: { name: string; occurredAt: string; tz: string; retainUntil: string; keptAt: string; purgeableAt: string }[] = [
    { name: 'five years after the end of the calendar year covered', occurredAt: '2019-03-10T14:00:00Z', tz: 'America/New_York', retainUntil: '2024-12-31', keptAt: '2025-01-01T04:59:59Z', purgeableAt: '2025-01-01T05:00:00Z' },
    { name: 'the year is the site’s: Dec 31 evening in Denver is still that year', occurredAt: '2019-01-01T03:00:00Z', tz: 'America/Denver', retainUntil: '2023-12-31', keptAt: '2024-01-01T06:59:59Z', purgeableAt: '2024-01-01T07:00:00Z' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = incidentRetainUntil(new Date(c.occurredAt), c.tz);
      expect(r.retainUntil).toBe(c.retainUntil);
      expect(r.rule).toMatch(/1904\.33\(a\)/);
      expect(isPastRetention(r, new Date(c.keptAt))).toBe(false);
      expect(isPastRetention(r, new Date(c.purgeableAt))).toBe(true);
    });
  }
});
