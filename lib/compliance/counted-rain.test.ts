import { describe, expect, it } from 'vitest';
import { countedRain, type StoredRain } from './counted-rain';

const ZONE = 'America/Denver';
// Nov 28 in Denver (MST, UTC−7): 07:00Z Nov 28 → 07:00Z Nov 29.
const providerDay = (id: string, date: string): StoredRain => ({
  id,
  startedAt: new Date(`${date}T07:00:00Z`),
  endedAt: new Date(new Date(`${date}T07:00:00Z`).getTime() + 86_400_000),
  source: 'weather_service',
});

describe('countedRain (the gauge wins over the provider for the same local day)', () => {
  it('drops a provider day a gauge entry covers, keeps provider days no gauge entry covers', () => {
    const gauge: StoredRain = { id: 'g', startedAt: new Date('2026-11-28T15:00:00Z'), endedAt: new Date('2026-11-28T20:00:00Z'), source: 'manual' };
    const got = countedRain([providerDay('p28', '2026-11-28'), providerDay('p29', '2026-11-29'), gauge], ZONE);
    expect(got.map((r) => r.id).sort()).toEqual(['g', 'p29']);
  });

  it("reads the day in the site's zone: an evening gauge entry (UTC's next day) covers the local day only", () => {
    // 11 PM Nov 28 in Denver is 06:00Z Nov 29: it covers Nov 28 locally, not Nov 29.
    const late: StoredRain = { id: 'late', startedAt: new Date('2026-11-29T06:00:00Z'), endedAt: null, source: 'gauge' };
    const got = countedRain([providerDay('p28', '2026-11-28'), providerDay('p29', '2026-11-29'), late], ZONE);
    expect(got.map((r) => r.id).sort()).toEqual(['late', 'p29']);
  });

  it('without gauge entries every provider day counts', () => {
    expect(countedRain([providerDay('a', '2026-11-27'), providerDay('b', '2026-11-28')], ZONE)).toHaveLength(2);
  });
});
