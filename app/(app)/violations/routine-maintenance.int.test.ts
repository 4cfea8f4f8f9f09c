/**
 * Routine maintenance (CGP 2022 Part 2.1.4) recorded through the real actions
 * as brave_app: the work item's kind picks the clock the door stores
 * (project_obligations), and the organization's business calendar moves a
 * maintenance deadline — never a corrective action's 7-day one (Part 5.2.2).
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { acme, auditRowsFor, bolt, inOrg, REQUEST_HEADERS, seedOrgs, type Org } from '@/app/(app)/projects/_test/support';
import { createProject } from '@/db/queries/projects';
import { createViolation, listViolationTypes } from '@/db/queries/violations';
import { correctiveActions, projectObligations } from '@/db/schema';
import { withTenantRequest } from '@/lib/api/tenant-request';
import { permissionsOf } from '@/lib/rbac/permissions';
import { actAs } from '@/tests/support/auth-mock';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { addCorrectiveActionAction } = await import('./actions/add-corrective-action');
const { confirmFindingAction } = await import('./actions/review-finding');
const { updateBusinessCalendarAction } = await import('@/app/(app)/settings/actions/update-business-calendar');

const userOf = (org: Org) => `user_${org === acme ? 'acme' : 'bolt'}_owner`;
const owner = (org: Org = acme) => actAs({ userId: userOf(org), orgId: org.id, orgSlug: org.slug, role: 'owner' });

// Friday 2026-11-20, 09:00 CST on a Chicago site; Monday the 23rd is the next business day.
const FRIDAY_9AM = new Date('2026-11-20T15:00:00Z');
const MONDAY_5PM = new Date('2026-11-23T23:00:00Z');
const TUESDAY_5PM = new Date('2026-11-24T23:00:00Z');
const NEXT_FRIDAY_9AM = new Date('2026-11-27T15:00:00Z');

/** A write as the app makes it (the door recomputes obligations before COMMIT). */
const write = <T>(org: Org, fn: Parameters<typeof withTenantRequest<T>>[2]) =>
  withTenantRequest(
    { orgId: org.id, orgSlug: org.slug, userId: userOf(org), role: 'owner', permissions: permissionsOf('owner') },
    { write: true, permission: 'org:violations:write', endpoint: 'test' },
    fn,
  );

const obligation = async (org: Org, sourceId: string) =>
  (
    await inOrg(org, (tx) =>
      tx
        .select()
        .from(projectObligations)
        .where(and(eq(projectObligations.organizationId, org.id), eq(projectObligations.sourceId, sourceId))),
    )
  )[0];
const actionCount = (org: Org) =>
  inOrg(org, async (tx) => (await tx.select({ n: count() }).from(correctiveActions).where(eq(correctiveActions.organizationId, org.id)))[0]!.n);

let violationId = '';
let findingId = '';
let foreignViolationId = '';

async function violationOn(org: Org, status?: 'reported') {
  const actor = { orgId: org.id, userId: userOf(org) };
  return write(org, async (tx) => {
    const p = await createProject(tx, actor, { name: `Maintenance site ${status ?? 'open'}`, inspectionSchedule: 'every_7_days', timeZone: 'America/Chicago' });
    const [type] = await listViolationTypes(tx, org.id);
    const v = await createViolation(tx, actor, {
      projectId: p.id,
      violationTypeId: type!.id,
      description: 'Sediment at half the height of the silt fence',
      foundAt: FRIDAY_9AM,
      deadline: NEXT_FRIDAY_9AM,
      ...(status ? { status } : {}),
    });
    return v!.id;
  });
}

beforeAll(async () => {
  await seedOrgs();
  violationId = await violationOn(acme);
  findingId = await violationOn(acme, 'reported');
  foreignViolationId = await violationOn(bolt);
});
beforeEach(() => actAs(null));

describe('the kind of work picks the permit clock', () => {
  let maintenanceId = '';
  let correctiveId = '';

  it('routine maintenance found Friday is due by Monday 17:00 site time (Part 2.1.4); audited with its kind', async () => {
    owner();
    const r = await addCorrectiveActionAction(null, {
      violationId,
      kind: 'routine_maintenance',
      description: 'Remove the sediment behind the fence',
      dueAt: '2026-11-23T17:00:00-06:00',
    });
    expect(r.ok).toBe(true);
    maintenanceId = r.ok ? r.data.id : '';
    const o = await obligation(acme, maintenanceId);
    expect(o).toMatchObject({ kind: 'routine_maintenance', part: 'CGP 2022 Part 2.1.4', metAt: null });
    expect(o!.dueAt.toISOString()).toBe(MONDAY_5PM.toISOString());
    expect(o!.reason).toMatch(/next business day/);
    const audit = (await auditRowsFor(acme, maintenanceId)).at(-1);
    expect(audit).toMatchObject({ action: 'create', entityType: 'corrective_action' });
    expect(audit!.after).toMatchObject({ kind: 'routine_maintenance' });
  });

  it('control: without a kind the same finding runs the 7-calendar-day corrective-action clock (Part 5.2.2)', async () => {
    owner();
    const r = await addCorrectiveActionAction(null, { violationId, description: 'Replace the torn fence panel', dueAt: '2026-11-26T17:00:00-06:00' });
    expect(r.ok).toBe(true);
    correctiveId = r.ok ? r.data.id : '';
    const o = await obligation(acme, correctiveId);
    expect(o).toMatchObject({ kind: 'corrective_action', part: 'CGP 2022 Part 5.2.2' });
    expect(o!.dueAt.toISOString()).toBe(NEXT_FRIDAY_9AM.toISOString());
  });

  it('closing that Monday in the business calendar moves the maintenance deadline to Tuesday, not the 7-day one', async () => {
    owner();
    const r = await updateBusinessCalendarAction(null, { closedDays: '2026-11-23', closeOfBusiness: '17:00' });
    expect(r).toEqual({ ok: true, data: { saved: true } });
    expect((await obligation(acme, maintenanceId))!.dueAt.toISOString()).toBe(TUESDAY_5PM.toISOString());
    expect((await obligation(acme, correctiveId))!.dueAt.toISOString()).toBe(NEXT_FRIDAY_9AM.toISOString());

    // Open again: the deadline comes back (the calendar is an input, not a one-way edit).
    expect((await updateBusinessCalendarAction(null, { closedDays: '', closeOfBusiness: '17:00' })).ok).toBe(true);
    expect((await obligation(acme, maintenanceId))!.dueAt.toISOString()).toBe(MONDAY_5PM.toISOString());
  });

  it('a reviewer confirming a crew finding as routine maintenance stores that kind and its clock', async () => {
    owner();
    const r = await confirmFindingAction(null, {
      id: findingId,
      kind: 'routine_maintenance',
      description: 'Sweep the tracked-out sediment',
      dueAt: '2026-11-23T17:00:00-06:00',
      deadline: '2026-11-27T09:00:00-06:00',
    });
    expect(r.ok).toBe(true);
    const actionId = r.ok ? (r.data as { correctiveActionId: string }).correctiveActionId : '';
    expect((await obligation(acme, actionId))).toMatchObject({ kind: 'routine_maintenance', dueAt: MONDAY_5PM });
  });

  it('an unknown kind is a field error and writes nothing; another tenant’s violation is 404', async () => {
    owner();
    const before = await actionCount(acme);
    const r = await addCorrectiveActionAction(null, { violationId, kind: 'someday', description: 'Fix it', dueAt: '2026-11-23T17:00:00-06:00' });
    expect(!r.ok && Object.keys(r.fieldErrors ?? {})).toEqual(['kind']);
    expect(
      await addCorrectiveActionAction(null, { violationId: foreignViolationId, kind: 'routine_maintenance', description: 'Fix it', dueAt: '2026-11-23T17:00:00-06:00' }),
    ).toEqual({ ok: false, formError: 'Not found.' });
    expect(await actionCount(acme)).toBe(before);
  });
});
