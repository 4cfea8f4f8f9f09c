/**
 * Stored obligations (project_obligations) stay in step with the records
 * they come from: every write through the request door recomputes the
 * touched project before COMMIT, idempotently, one project at a time, and
 * only inside the caller's tenant.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { acme, bolt, inOrg, projectNamed, seedOrgs } from '@/app/(app)/projects/_test/support';
import type { Actor } from '@/db/queries/audit';
import { createProject, updateProject } from '@/db/queries/projects';
import { createRainEvent, updateRainEvent } from '@/db/queries/rain-events';
import { advanceCorrectiveAction, createCorrectiveAction } from '@/db/queries/corrective-actions';
import { createViolation, listViolationTypes } from '@/db/queries/violations';
import { createInspection, submitInspection } from '@/db/queries/inspections';
import { nextObligationFor, obligationsDueBetween } from '@/db/queries/obligations';
import { projectObligations } from '@/db/schema';
import { withTenant, type Tx } from '@/db/tenant';
import { withTenantRequest } from '@/lib/api/tenant-request';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { permissionsOf } from '@/lib/rbac/permissions';
import { recomputeObligations } from './recompute-obligations';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ctxOf = (org: typeof acme): TenantContext => ({
  orgId: org.id,
  orgSlug: org.slug,
  userId: `user_${org.slug}_owner`,
  role: 'owner',
  permissions: permissionsOf('owner'),
});
const actorOf = (org: typeof acme): Actor => ({ orgId: org.id, userId: `user_${org.slug}_owner` });
/** A write as the app makes it: tenantAction / tenantRoute both run their handler through this. */
const write = <T>(org: typeof acme, fn: (tx: Tx) => Promise<T>) =>
  withTenantRequest(ctxOf(org), { write: true, permission: 'org:projects:write', endpoint: 'test' }, fn);

type Row = typeof projectObligations.$inferSelect;
const rowsOf = (org: typeof acme, projectId: string) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(projectObligations)
      .where(and(eq(projectObligations.organizationId, org.id), eq(projectObligations.projectId, projectId)))
      .orderBy(projectObligations.dueAt, projectObligations.kind),
  );
/** The content of the rows, without the ids and timestamps a rewrite renews. */
const content = (rows: Row[]) => rows.map(({ id: _id, computedAt: _c, ...rest }) => rest);
const kinds = (rows: Row[]) => rows.map((r) => r.kind);

async function newProject(org: typeof acme, name: string, daysAgo: number) {
  return write(org, (tx) =>
    createProject(tx, actorOf(org), {
      name,
      inspectionSchedule: 'every_14_days_and_storm',
      permitStart: new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10),
      timeZone: 'America/Chicago',
    }),
  );
}

beforeAll(seedOrgs);

describe('recomputed inside the door', () => {
  it('a new project gets its routine inspection; a 0.30 in storm adds one due 24 h after it; 0.20 in does not', async () => {
    const p = await newProject(acme, 'Obligations storm site', 3);
    expect(kinds(await rowsOf(acme, p.id))).toEqual(['routine_inspection']);

    const ended = new Date(Date.now() - 2 * HOUR);
    const small = await write(acme, (tx) =>
      createRainEvent(tx, actorOf(acme), { projectId: p.id, amountInches: '0.20', startedAt: new Date(ended.getTime() - 3 * HOUR), endedAt: ended, source: 'manual' }),
    );
    expect(kinds(await rowsOf(acme, p.id))).toEqual(['routine_inspection']);

    await write(acme, (tx) => updateRainEvent(tx, actorOf(acme), small!.id, { amountInches: '0.30' }));
    const rows = await rowsOf(acme, p.id);
    const storm = rows.find((r) => r.kind === 'storm_inspection');
    expect(storm).toMatchObject({ sourceId: small!.id, part: 'CGP 2022 Part 4.2.2', metAt: null });
    expect(storm!.dueAt.getTime()).toBe(ended.getTime() + 24 * HOUR);
    expect(storm!.reason).toMatch(/storm/i);
    expect(storm!.reason).toMatch(/C[SD]T/); // the site's zone, with its abbreviation

    // The due/overdue query the reminder sweep uses finds it in its window, and only there.
    const due = await inOrg(acme, (tx) => obligationsDueBetween(tx, acme.id, { from: new Date(), to: new Date(Date.now() + 2 * DAY), projectId: p.id, limit: 10 }));
    expect(due.map((d) => d.obligation.kind)).toEqual(['storm_inspection']);
    expect((await inOrg(acme, (tx) => nextObligationFor(tx, acme.id, p.id)))?.kind).toBe('storm_inspection');

    // Back under the threshold: the storm obligation goes.
    await write(acme, (tx) => updateRainEvent(tx, actorOf(acme), small!.id, { amountInches: '0.10' }));
    expect(kinds(await rowsOf(acme, p.id))).toEqual(['routine_inspection']);
  });

  it('a submitted inspection meets the open obligations it falls in; its id is recorded', async () => {
    const p = await newProject(acme, 'Obligations inspected site', 20);
    const [overdue] = await rowsOf(acme, p.id);
    expect(overdue).toMatchObject({ kind: 'routine_inspection', metAt: null });
    expect(overdue!.dueAt.getTime()).toBeLessThan(Date.now());

    const made = await write(acme, (tx) => createInspection(tx, actorOf(acme), p.id, { type: 'routine' }));
    await write(acme, (tx) => submitInspection(tx, actorOf(acme), made!.id, {}));
    const rows = await rowsOf(acme, p.id);
    const met = rows.find((r) => r.kind === 'routine_inspection' && r.metAt);
    expect(met).toMatchObject({ metByKind: 'inspection', metById: made!.id, metLate: true });
    // The next routine inspection (14 days from this one) and the report (unsigned: due in 24 h) are open.
    expect(rows.filter((r) => !r.metAt).map((r) => r.kind).sort()).toEqual(['inspection_report', 'routine_inspection']);
  });

  it('a corrective action marked fixed meets its 7-day clock; archiving the project clears its obligations', async () => {
    const p = await newProject(acme, 'Obligations corrective site', 1);
    const [type] = await inOrg(acme, (tx) => listViolationTypes(tx, acme.id));
    const action = await write(acme, async (tx) => {
      const v = await createViolation(tx, actorOf(acme), {
        projectId: p.id,
        violationTypeId: type!.id,
        description: 'Silt fence down',
        foundAt: new Date(Date.now() - HOUR),
        deadline: new Date(Date.now() + 7 * DAY),
      });
      return createCorrectiveAction(tx, actorOf(acme), { violationId: v!.id, description: 'Re-trench', dueAt: new Date(Date.now() + 7 * DAY) });
    });
    const open = (await rowsOf(acme, p.id)).find((r) => r.kind === 'corrective_action');
    expect(open).toMatchObject({ sourceId: action!.id, metAt: null, part: expect.stringContaining('5.2') });

    await write(acme, (tx) => advanceCorrectiveAction(tx, actorOf(acme), action!.id, 'fixed'));
    const fixed = (await rowsOf(acme, p.id)).find((r) => r.kind === 'corrective_action');
    expect(fixed).toMatchObject({ metByKind: 'corrective_action', metById: action!.id, metLate: false });

    await write(acme, (tx) => updateProject(tx, actorOf(acme), p.id, { status: 'archived' }));
    expect(await rowsOf(acme, p.id)).toEqual([]);
  });

  it('a write that rolls back leaves the obligations as they were', async () => {
    const p = await newProject(acme, 'Obligations rollback site', 3);
    const before = content(await rowsOf(acme, p.id));
    await expect(
      write(acme, async (tx) => {
        await createRainEvent(tx, actorOf(acme), { projectId: p.id, amountInches: '2.00', startedAt: new Date(Date.now() - HOUR), endedAt: null, source: 'manual' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(content(await rowsOf(acme, p.id))).toEqual(before);
  });

  it('negative control: the same write outside the request door leaves them stale (so the tests above see the hook)', async () => {
    const p = await newProject(acme, 'Obligations stale site', 3);
    await withTenant(ctxOf(acme), (tx) =>
      createRainEvent(tx, actorOf(acme), { projectId: p.id, amountInches: '1.00', startedAt: new Date(Date.now() - 2 * HOUR), endedAt: new Date(Date.now() - HOUR), source: 'manual' }),
    );
    expect(kinds(await rowsOf(acme, p.id))).toEqual(['routine_inspection']);
    await inOrg(acme, (tx) => recomputeObligations(tx, acme.id, p.id));
    expect(kinds(await rowsOf(acme, p.id)).sort()).toEqual(['routine_inspection', 'storm_inspection']);
  });
});

describe('idempotent, concurrent, tenant-bound', () => {
  it('recomputing twice writes the same rows', async () => {
    const p = await projectNamed(acme, 'Riverside Apartments');
    const now = new Date();
    await inOrg(acme, (tx) => recomputeObligations(tx, acme.id, p.id, now));
    const once = content(await rowsOf(acme, p.id));
    await inOrg(acme, (tx) => recomputeObligations(tx, acme.id, p.id, now));
    expect(content(await rowsOf(acme, p.id))).toEqual(once);
    expect(once.length).toBeGreaterThan(0);
  });

  it('two writes for the same project at once: both storms are in the final set, nothing doubled', async () => {
    const p = await newProject(acme, 'Obligations concurrent site', 3);
    const storm = (hoursAgo: number) => (tx: Tx) =>
      createRainEvent(tx, actorOf(acme), {
        projectId: p.id,
        amountInches: '0.80',
        startedAt: new Date(Date.now() - (hoursAgo + 2) * HOUR),
        endedAt: new Date(Date.now() - hoursAgo * HOUR),
        source: 'manual',
      });
    const [a, b] = await Promise.all([write(acme, storm(3)), write(acme, storm(5))]);
    const rows = await rowsOf(acme, p.id);
    expect(rows.filter((r) => r.kind === 'storm_inspection').map((r) => r.sourceId).sort()).toEqual([a!.id, b!.id].sort());
    expect(rows.filter((r) => r.kind === 'routine_inspection')).toHaveLength(1);
  });

  it('another tenant’s project id computes nothing and leaves that tenant’s rows alone', async () => {
    const theirs = await projectNamed(acme, 'Riverside Apartments');
    const before = content(await rowsOf(acme, theirs.id));
    expect(before.length).toBeGreaterThan(0);
    const n = await inOrg(bolt, (tx) => recomputeObligations(tx, bolt.id, theirs.id));
    expect(n).toBe(0);
    expect(content(await rowsOf(acme, theirs.id))).toEqual(before);
  });
});
