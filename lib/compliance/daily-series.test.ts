import { describe, expect, it } from 'vitest';
import { dailySeries } from './calendar-data';

describe('dailySeries (rain vs inspections chart)', () => {
  // 00:30 on Nov 3 in UTC is still Nov 2 in Chicago (6:30 PM CST).
  const now = new Date('2026-11-03T00:30:00Z');
  it('one entry per local day ending today in the site’s zone, zeros where nothing happened', () => {
    const days = dailySeries(
      { rain: [{ day: '2026-11-02', inches: 0.3 }, { day: '2026-10-25', inches: 1.234 }], inspections: [{ day: '2026-11-01', n: 2 }] },
      10,
      now,
      'America/Chicago',
    );
    expect(days.map((d) => d.date)).toEqual([
      '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28',
      '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02',
    ]);
    expect(days.at(-1)).toEqual({ date: '2026-11-02', inches: 0.3, inspections: 0 });
    expect(days[1]).toEqual({ date: '2026-10-25', inches: 1.23, inspections: 0 });
    expect(days[8]).toEqual({ date: '2026-11-01', inches: 0, inspections: 2 });
  });
  it('in UTC the same instant is already Nov 3, and a day outside the window is dropped', () => {
    const days = dailySeries({ rain: [{ day: '2026-10-01', inches: 5 }], inspections: [] }, 3, now, 'UTC');
    expect(days.map((d) => d.date)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(days.every((d) => d.inches === 0)).toBe(true);
  });
});
