/**
 * Dashboard numbers with two organizations holding look-alike data: each one
 * counts only its own rows, through the door as brave_app.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, seedTenant, uniqueId, type TenantGraph } from '@/tests/support/factories';
import { correctiveActions, projects, rainEvents, violations } from '@/db/schema';
import { withTenant, type Tx } from '@/db/tenant';
import { backfillObligations } from '@/lib/compliance/backfill-obligations';
import { obligationsDueBetween } from '@/db/queries/obligations';
import { dashboardData } from './dashboard-data';

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let a: TenantGraph;
let b: TenantGraph;
const inOrg = <T>(t: TenantGraph, fn: (tx: Tx) => Promise<T>) => withTenant({ orgId: t.orgId, userId: t.userId }, fn);

/** The same shape of data in each org; `extra` adds more of it to one org only. */
async function arrange(t: TenantGraph, extra: number) {
  await inOrg(t, async (tx) => {
    const base = { organizationId: t.orgId, createdBy: t.userId };
    for (let i = 0; i < 1 + extra; i++) {
      // Never inspected, coverage started 20 days ago: a routine inspection is overdue.
      await tx
        .insert(projects)
        .values({ ...base, name: `Overdue site ${i}`, permitStart: ago(20).toISOString().slice(0, 10) });
      const v = await tx
        .insert(violations)
        .values({
          organizationId: t.orgId,
          projectId: t.keys.projects,
          violationTypeId: t.keys.violation_types,
          description: 'Sediment at inlet',
          foundAt: ago(10),
          deadline: ago(3), // past deadline
          foundBy: t.userId,
        })
        .returning({ id: violations.id });
      await tx.insert(correctiveActions).values({
        organizationId: t.orgId,
        violationId: v[0]!.id,
        description: 'Clean the inlet',
        dueAt: ago(1),
        createdBy: t.userId,
        createdAt: ago(10),
      });
    }
    // Fixed work is not "open".
    await tx.insert(violations).values({
      organizationId: t.orgId,
      projectId: t.keys.projects,
      violationTypeId: t.keys.violation_types,
      description: 'Fixed already',
      deadline: ago(1),
      status: 'fixed',
      foundBy: t.userId,
    });
    // Two storms three days ago on the factory project.
    await tx.insert(rainEvents).values([
      {
        organizationId: t.orgId,
        projectId: t.keys.projects,
        amountInches: '0.40',
        startedAt: ago(3),
        recordedBy: t.userId,
      },
      {
        organizationId: t.orgId,
        projectId: t.keys.projects,
        amountInches: String((0.1 * (extra + 1)).toFixed(2)),
        startedAt: ago(3),
        recordedBy: t.userId,
      },
    ]);
  });
}

beforeAll(async () => {
  a = await seedTenant('dashA');
  b = await seedTenant('dashB');
  await arrange(a, 2);
  await arrange(b, 0);
  // Rows inserted directly (no request wrapper): compute their stored obligations as the seed does.
  for (const t of [a, b]) await inOrg(t, (tx) => backfillObligations(tx, t.orgId, now));
});

describe('dashboardData', () => {
  it('counts only the own organization’s inspections, violations and actions', async () => {
    const da = await inOrg(a, (tx) => dashboardData(tx, a.orgId, now));
    const db = await inOrg(b, (tx) => dashboardData(tx, b.orgId, now));

    // Routine inspections: the factory project (created now, due in 7 days) + 3 overdue sites in A,
    // + 1 in B; corrective actions (Part 5.2.2): the factory's (found now) + one per violation found
    // 10 days ago (overdue). The list shows the first 8, earliest deadline first.
    expect(da.due.map((d) => d.kind).sort()).toEqual([...Array(4).fill('corrective_action'), ...Array(4).fill('routine_inspection')]);
    expect(db.due.map((d) => d.kind).sort()).toEqual(['corrective_action', 'corrective_action', 'routine_inspection', 'routine_inspection']);
    expect(da.due.map((d) => d.dueAt.getTime())).toEqual([...da.due.map((d) => d.dueAt.getTime())].sort((x, y) => x - y));
    expect(da.due.every((d) => d.reason.length > 0 && d.part.startsWith('CGP 2022'))).toBe(true);
    expect(da.counts.inspectionsOverdue).toBe(3);
    expect(db.counts.inspectionsOverdue).toBe(1);
    expect(da.due.map((d) => d.projectName)).not.toContain(expect.stringContaining(b.orgId));
    expect(new Set(db.due.map((d) => d.projectId))).not.toContain(a.keys.projects);

    // Factory violation (open, deadline in 7 days) + overdue ones; the fixed one is not counted.
    expect(da.counts).toMatchObject({ openViolations: 4, overdueViolations: 3 });
    expect(db.counts).toMatchObject({ openViolations: 2, overdueViolations: 1 });
    // Factory corrective action (due now, created now) + one per overdue violation.
    expect(da.counts.openActions).toBe(4);
    expect(db.counts.openActions).toBe(2);
  });

  it('buckets open corrective actions by age', async () => {
    const da = await inOrg(a, (tx) => dashboardData(tx, a.orgId, now));
    expect(da.actionsByAge).toEqual([
      { label: '< 2 days', count: 1 },
      { label: '2–7 days', count: 0 },
      { label: '7–30 days', count: 3 },
      { label: '> 30 days', count: 0 },
    ]);
    const db = await inOrg(b, (tx) => dashboardData(tx, b.orgId, now));
    expect(db.actionsByAge.map((x) => x.count)).toEqual([1, 0, 1, 0]);
  });

  it('sums rain per day over the last 14 days, per organization', async () => {
    const da = await inOrg(a, (tx) => dashboardData(tx, a.orgId, now));
    const db = await inOrg(b, (tx) => dashboardData(tx, b.orgId, now));
    expect(da.days).toHaveLength(14);
    const total = (d: typeof da) => Math.round(d.days.reduce((n, r) => n + r.inches, 0) * 100) / 100;
    // Factory 0.50 today + 0.40 + 0.30 (A) / 0.10 (B) three days ago.
    expect(total(da)).toBe(1.2);
    expect(total(db)).toBe(1.0);
  });

  it('an organization with nothing yet gets zeros and empty lists, not errors', async () => {
    const orgId = await createOrganization(uniqueId('org', 'dashEmpty'));
    const d = await withTenant({ orgId, userId: 'user_empty' }, (tx) => dashboardData(tx, orgId, now));
    expect(d.hasProjects).toBe(false);
    expect(d.due).toEqual([]);
    expect(Object.values(d.counts).every((n) => n === 0)).toBe(true);
    expect(d.actionsByAge.every((x) => x.count === 0)).toBe(true);
    expect(d.days.every((r) => r.inches === 0 && r.inspections === 0)).toBe(true);
  });
});

describe('demo seed', () => {
  it('gives both demo orgs look-alike but distinct dashboards, and is idempotent', async () => {
    const { seed } = await import('@/lib/demo/seed');
    const { seedOrganizations } = await import('@/db/seed-data');
    const { testDatabase } = await import('@/tests/support/database');
    const db = testDatabase.app({ max: 2 });
    await seed(db);
    await seed(db);
    const [acme, bolt] = seedOrganizations;
    const load = (orgId: string) => withTenant({ orgId, userId: 'user_seed_check' }, (tx) => dashboardData(tx, orgId));
    const [da, dbolt] = [await load(acme.id), await load(bolt.id)];
    expect(da.counts).toMatchObject({ openViolations: 3, overdueViolations: 2, openActions: 3 });
    expect(dbolt.counts).toMatchObject({ openViolations: 2, overdueViolations: 2, openActions: 2 });
    expect(da.actionsByAge.map((b) => b.count)).toEqual([1, 1, 1, 0]);
    // Their stored obligations were computed by the seed: the list shows the open ones (at most 8), each
    // naming its permit part.
    const open = await withTenant({ orgId: acme.id, userId: 'user_seed_check' }, (tx) => obligationsDueBetween(tx, acme.id, { limit: 100 }));
    expect(open.length).toBeGreaterThan(0);
    expect(da.due).toHaveLength(Math.min(8, open.length));
    expect(da.due.every((d) => d.part.startsWith('CGP 2022'))).toBe(true);
    expect(da.days.some((r) => r.inches > 0)).toBe(true);
    expect(da.days.some((r) => r.inspections > 0)).toBe(true);
  });
});
