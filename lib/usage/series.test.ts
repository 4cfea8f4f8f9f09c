import { describe, expect, it } from 'vitest';
import { fillBuckets, usageSince } from './series';

const now = new Date('2026-03-10T15:00:00Z');

describe('usage buckets', () => {
  it('30 days back, with zeros filled and data kept', () => {
    const since = usageSince('day', now);
    expect(since.toISOString()).toBe('2026-02-09T00:00:00.000Z');
    const rows = fillBuckets('day', since, now, [{ bucket: '2026-03-01', activeUsers: 2, apiRequests: 5, projects: 0, inspections: 1, submissions: 1, photos: 0, photoBytes: 0 }]);
    expect(rows).toHaveLength(30);
    expect(rows[0]!.bucket).toBe('2026-02-09');
    expect(rows.at(-1)!.bucket).toBe('2026-03-10');
    expect(rows.find((r) => r.bucket === '2026-03-01')!.apiRequests).toBe(5);
    expect(rows.filter((r) => r.activeUsers > 0)).toHaveLength(1);
  });

  it('12 months back across a year boundary', () => {
    const since = usageSince('month', now);
    expect(since.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    const rows = fillBuckets('month', since, now, []);
    expect(rows.map((r) => r.bucket)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });
});
