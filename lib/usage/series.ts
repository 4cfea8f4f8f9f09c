import type { UsageBucket, UsagePeriod } from '@/db/queries/usage';

/** How far back each period looks: 30 days, or 12 months (the current one included). */
export function usageSince(period: UsagePeriod, now: Date): Date {
  if (period === 'day') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 29));
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
}

/** Every bucket from `since` to `now` (UTC), with zeros where nothing happened, oldest first. */
export function fillBuckets(period: UsagePeriod, since: Date, now: Date, rows: UsageBucket[]): UsageBucket[] {
  const byKey = new Map(rows.map((r) => [r.bucket, r]));
  const out: UsageBucket[] = [];
  const cursor = new Date(since);
  while (cursor <= now) {
    const key = period === 'day' ? cursor.toISOString().slice(0, 10) : cursor.toISOString().slice(0, 7);
    out.push(byKey.get(key) ?? { bucket: key, activeUsers: 0, apiRequests: 0, projects: 0, inspections: 0, submissions: 0, photos: 0, photoBytes: 0 });
    if (period === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1, 1);
  }
  return out;
}
