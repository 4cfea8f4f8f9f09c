import { describe, expect, it } from 'vitest';
import { rainByDay } from './rain-by-day';

describe('rainByDay', () => {
  const now = new Date('2026-05-14T15:00:00Z');

  it('returns one entry per day, oldest first, zero-filled, summing same-day events', () => {
    const days = rainByDay(
      [
        { amountInches: '0.30', startedAt: new Date('2026-05-13T12:00:00Z') },
        { amountInches: 0.2, startedAt: new Date('2026-05-13T18:00:00Z') },
        { amountInches: '1.00', startedAt: new Date('2026-04-01T12:00:00Z') }, // outside the window
      ],
      { days: 3, now, timeZone: 'UTC' },
    );
    expect(days).toEqual([
      { date: '2026-05-12', inches: 0 },
      { date: '2026-05-13', inches: 0.5 },
      { date: '2026-05-14', inches: 0 },
    ]);
  });

  it("counts a late-evening storm on the organization's local day", () => {
    // 02:00 UTC on the 14th is 22:00 on the 13th in New York.
    const days = rainByDay([{ amountInches: '0.40', startedAt: new Date('2026-05-14T02:00:00Z') }], {
      days: 2,
      now,
      timeZone: 'America/New_York',
    });
    expect(days).toEqual([
      { date: '2026-05-13', inches: 0.4 },
      { date: '2026-05-14', inches: 0 },
    ]);
  });
});
