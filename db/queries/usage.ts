import 'server-only';
import { sql } from 'drizzle-orm';
import { usageDaily } from '../schema';
import type { Tx } from '../tenant';

/** Add counted requests to one (org, user, UTC day) row: one upsert per flush (lib/usage/request-counter.ts). */
export async function addUsage(tx: Tx, orgId: string, userId: string, requests = 1, apiRequests = 0, at: Date = new Date()) {
  const day = at.toISOString().slice(0, 10);
  await tx
    .insert(usageDaily)
    .values({ organizationId: orgId, day, userId, requests, apiRequests })
    .onConflictDoUpdate({
      target: [usageDaily.organizationId, usageDaily.day, usageDaily.userId],
      set: { requests: sql`${usageDaily.requests} + excluded.requests`, apiRequests: sql`${usageDaily.apiRequests} + excluded.api_requests` },
    });
}

export type UsagePeriod = 'day' | 'month';

export interface UsageBucket {
  /** `YYYY-MM-DD` (day) or `YYYY-MM` (month), UTC. */
  bucket: string;
  activeUsers: number;
  apiRequests: number;
  projects: number;
  inspections: number;
  submissions: number;
  photos: number;
  photoBytes: number;
}

/**
 * Usage per UTC day or month since `since`: active users (anyone who made a
 * counted request), API requests, and what was created (projects,
 * inspections, submitted forms, stored photos and their bytes). One query;
 * every branch filtered by the tenant (and RLS).
 */
export async function usageSeries(tx: Tx, orgId: string, period: UsagePeriod, since: Date): Promise<UsageBucket[]> {
  const fmt = period === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM';
  const b = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', '${fmt}')`);
  const rows = await tx.execute<Record<string, string | number>>(sql`
    with u as (
      select to_char(day, ${fmt}) as bucket, count(distinct user_id) filter (where requests > 0) as active_users, sum(api_requests) as api_requests
      from usage_daily where organization_id = ${orgId} and day >= (${since.toISOString()}::timestamptz at time zone 'UTC')::date group by 1
    ), p as (
      select ${b('created_at')} as bucket, count(*) as n from projects where organization_id = ${orgId} and created_at >= ${since.toISOString()}::timestamptz group by 1
    ), i as (
      select ${b('created_at')} as bucket, count(*) as n from inspections where organization_id = ${orgId} and created_at >= ${since.toISOString()}::timestamptz group by 1
    ), s as (
      select ${b('created_at')} as bucket, count(*) as n from form_submissions where organization_id = ${orgId} and status = 'submitted' and created_at >= ${since.toISOString()}::timestamptz group by 1
    ), ph as (
      select ${b('created_at')} as bucket, count(*) as n, coalesce(sum(size_bytes), 0) as bytes from photos where organization_id = ${orgId} and status = 'stored' and created_at >= ${since.toISOString()}::timestamptz group by 1
    ), buckets as (
      select bucket from u union select bucket from p union select bucket from i union select bucket from s union select bucket from ph
    )
    select buckets.bucket,
      coalesce(u.active_users, 0)::int as "activeUsers", coalesce(u.api_requests, 0)::bigint as "apiRequests",
      coalesce(p.n, 0)::int as projects, coalesce(i.n, 0)::int as inspections, coalesce(s.n, 0)::int as submissions,
      coalesce(ph.n, 0)::int as photos, coalesce(ph.bytes, 0)::bigint as "photoBytes"
    from buckets
    left join u using (bucket) left join p using (bucket) left join i using (bucket) left join s using (bucket) left join ph using (bucket)
    order by buckets.bucket`);
  return rows.map((r) => ({
    bucket: String(r.bucket),
    activeUsers: Number(r.activeUsers),
    apiRequests: Number(r.apiRequests),
    projects: Number(r.projects),
    inspections: Number(r.inspections),
    submissions: Number(r.submissions),
    photos: Number(r.photos),
    photoBytes: Number(r.photoBytes),
  }));
}
