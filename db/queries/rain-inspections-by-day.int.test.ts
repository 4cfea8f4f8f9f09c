/**
 * The rain vs inspections chart's per-day totals (db/queries/obligations.ts
 * rainAndInspectionsByDay) fall on the local day of the zone asked for, right
 * at local midnight, in a whole-hour zone and in a half-hour one: the query
 * sums rows per 15 minutes before it turns those buckets into local days, so
 * a coarser bucket (an hour) would put Kolkata's 00:10 on the day before —
 * the Kolkata case is the control for that (checked by planting '1 hour').
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inspections, rainEvents } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { rainAndInspectionsByDay } from './obligations';

let t: TenantGraph;
// Local 23:50 on Nov 30 and 00:10 on Dec 1, as instants in each zone.
const EDGES = {
  'America/Chicago': ['2026-12-01T05:50:00Z', '2026-12-01T06:10:00Z'],
  'Asia/Kolkata': ['2026-11-30T18:20:00Z', '2026-11-30T18:40:00Z'],
} as const;

beforeAll(async () => {
  t = await seedTenant('rain-by-day');
  await withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => {
    const base = { organizationId: t.orgId, projectId: t.keys.projects };
    for (const [late, early] of Object.values(EDGES)) {
      await tx.insert(rainEvents).values([
        { ...base, amountInches: '0.10', startedAt: new Date(late), recordedBy: t.userId },
        { ...base, amountInches: '0.25', startedAt: new Date(early), recordedBy: t.userId },
      ]);
      await tx.insert(inspections).values([
        { ...base, type: 'routine', status: 'submitted', inspectedAt: new Date(late), createdBy: t.userId },
        { ...base, type: 'routine', status: 'published', inspectedAt: new Date(early), createdBy: t.userId },
        // A draft is not a completed inspection.
        { ...base, type: 'routine', status: 'draft', inspectedAt: new Date(early), createdBy: t.userId },
      ]);
    }
  });
});

describe('rain and completed inspections per local day', () => {
  it.each(Object.entries(EDGES))('%s: 23:50 counts on Nov 30, 00:10 on Dec 1', async (timeZone, [late, early]) => {
    const got = await withTenant({ orgId: t.orgId, userId: t.userId }, (tx) =>
      rainAndInspectionsByDay(tx, t.orgId, { since: new Date('2026-11-29T00:00:00Z'), timeZone }),
    );
    const byDay = <R extends { day: string }>(rows: R[], pick: (r: R) => number) =>
      Object.fromEntries(
        rows
          .map((r) => [r.day, Math.round(pick(r) * 100) / 100])
          .sort(([x], [y]) => String(x).localeCompare(String(y))),
      );
    // The expectation from every row of the tenant (the factory's too), put on its day by Intl.
    const local = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
    const all = await withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => ({
      rain: await tx.select().from(rainEvents),
      done: await tx.select().from(inspections),
    }));
    const since = new Date('2026-11-29T00:00:00Z');
    const expectRain: Record<string, number> = {};
    for (const r of all.rain) {
      if (r.startedAt < since) continue;
      const d = local(r.startedAt);
      expectRain[d] = Math.round(((expectRain[d] ?? 0) + Number(r.amountInches)) * 100) / 100;
    }
    const expectDone: Record<string, number> = {};
    for (const r of all.done) {
      if (!r.inspectedAt || r.inspectedAt < since || (r.status !== 'submitted' && r.status !== 'published')) continue;
      const d = local(r.inspectedAt);
      expectDone[d] = (expectDone[d] ?? 0) + 1;
    }
    const sorted = (o: Record<string, number>) =>
      Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));
    expect([local(new Date(late)), local(new Date(early))]).toEqual(['2026-11-30', '2026-12-01']);
    expect(byDay(got.rain, (r) => r.inches)).toEqual(sorted(expectRain));
    expect(byDay(got.inspections, (r) => r.n)).toEqual(sorted(expectDone));
    // This zone's 00:10 rain (0.25 in) is on Dec 1, not on the day before.
    expect(byDay(got.rain, (r) => r.inches)['2026-12-01']).toBeGreaterThanOrEqual(0.25);
  });
});
