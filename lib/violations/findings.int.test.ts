/**
 * Findings become actions, through the real server actions and database: a
 * crew member reports a finding, a superintendent confirms it (open violation,
 * deadline, corrective action assigned) or dismisses it (with a reason); the
 * crew member moves only their own corrective action; another tenant's ids
 * are a plain 404 with nothing written; every step is audited. And a failed
 * BMP needs a note (always) and a photo (when the organization says so).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { complianceSettings, correctiveActions, violations, violationTypes } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { acme, auditOf, bolt, completeEpaForm, crewA, seedInspectionFixtures, tally } from '@/tests/support/inspection-fixtures';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { recordFindingAction } = await import('@/app/(app)/violations/actions/record-finding');
const { confirmFindingAction, dismissFindingAction } = await import('@/app/(app)/violations/actions/review-finding');
const { moveViolationStatusAction } = await import('@/app/(app)/violations/actions/move-violation-status');
const { advanceCorrectiveActionAction } = await import('@/app/(app)/violations/actions/advance-corrective-action');
const { addCorrectiveActionAction } = await import('@/app/(app)/violations/actions/add-corrective-action');
const { createInspectionAction } = await import('@/app/(app)/inspections/actions/create-inspection');
const { submitInspectionAction } = await import('@/app/(app)/inspections/actions/submit-inspection');

const superA = { userId: 'user_acme_super', orgId: acme.id, orgSlug: 'acme', role: 'superintendent' } as const;
const inspectorA = { userId: 'user_acme_inspector', orgId: acme.id, orgSlug: 'acme', role: 'inspector' } as const;
const ownerB = { userId: 'user_bolt_owner', orgId: bolt.id, orgSlug: 'bolt', role: 'owner' } as const;
const viewerB = { userId: 'user_bolt_viewer', orgId: bolt.id, orgSlug: 'bolt', role: 'viewer' } as const;
const DENIED = { ok: false, formError: 'You do not have permission to do that.' };
const NOT_FOUND = { ok: false, formError: 'Not found.' };

let db: ReturnType<typeof testDatabase.app>;
let acmeProject: string;
let boltProject: string;
let acmeType: string;

const violationRow = (orgId: string, id: string) =>
  withTenantOn(db, { orgId, userId: 'test' }, async (tx) => (await tx.select().from(violations).where(eq(violations.id, id)))[0]);
const actionsOf = (id: string) =>
  withTenantOn(db, { orgId: acme.id, userId: 'test' }, (tx) => tx.select().from(correctiveActions).where(eq(correctiveActions.violationId, id)));
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

async function report(description = 'Silt fence down at the NE corner'): Promise<string> {
  actAs(crewA);
  const r = await recordFindingAction(null, {
    projectId: acmeProject,
    violationTypeId: acmeType,
    description,
    location: 'NE corner',
    foundAt: new Date(Date.now() - 60_000).toISOString(),
    idempotencyKey: randomUUID(),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id;
}

const confirmInput = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  deadline: inDays(7),
  description: 'Re-trench and re-stake the silt fence',
  assignedTo: crewA.userId,
  dueAt: inDays(2),
  idempotencyKey: randomUUID(),
  ...extra,
});

beforeAll(async () => {
  db = testDatabase.app();
  const seeded = await seedInspectionFixtures(db);
  acmeProject = seeded.acmeProjects[0]!;
  boltProject = seeded.boltProjects[0]!;
  acmeType = await withTenantOn(db, { orgId: acme.id, userId: 'test' }, async (tx) => (await tx.select({ id: violationTypes.id }).from(violationTypes).where(eq(violationTypes.organizationId, acme.id)))[0]!.id);
});

describe('a crew finding', () => {
  it('is recorded as reported, audited; a viewer may not report one', async () => {
    const id = await report();
    expect(await violationRow(acme.id, id)).toMatchObject({ status: 'reported', foundBy: crewA.userId, reviewedBy: null });
    expect((await auditOf(db, acme.id, id)).map((r) => r.action)).toEqual(['create']);
    actAs(viewerB);
    const before = await tally(db, bolt.id);
    expect(await recordFindingAction(null, { projectId: boltProject, violationTypeId: acmeType, description: 'x y z', foundAt: new Date().toISOString() })).toEqual(DENIED);
    expect(await tally(db, bolt.id)).toEqual(before);
  });

  it('cannot be confirmed or dismissed by crew or an inspector (superintendent and above only)', async () => {
    const id = await report();
    for (const who of [crewA, inspectorA]) {
      actAs(who);
      expect(await confirmFindingAction(null, confirmInput(id))).toEqual(DENIED);
      expect(await dismissFindingAction(null, { id, reason: 'Not ours' })).toEqual(DENIED);
    }
    expect((await violationRow(acme.id, id))!.status).toBe('reported');
  });

  it('confirmed: open with its deadline and a corrective action assigned to the crew member, both audited; a second review is a conflict', async () => {
    const id = await report();
    actAs(superA);
    const r = await confirmFindingAction(null, confirmInput(id));
    expect(r).toMatchObject({ ok: true, data: { id, status: 'open' } });
    const row = (await violationRow(acme.id, id))!;
    expect(row).toMatchObject({ status: 'open', reviewedBy: superA.userId });
    const [action] = await actionsOf(id);
    expect(action).toMatchObject({ assignedTo: crewA.userId, status: 'open', createdBy: superA.userId });
    expect((await auditOf(db, acme.id, id)).map((a) => [a.action, (a.after as { status?: string }).status])).toEqual([
      ['create', 'reported'],
      ['transition', 'open'],
    ]);
    expect((await auditOf(db, acme.id, action!.id)).map((a) => a.action)).toEqual(['create']);
    expect(await confirmFindingAction(null, confirmInput(id))).toEqual({ ok: false, formError: 'This finding was already reviewed.' });
    expect(await dismissFindingAction(null, { id, reason: 'Changed my mind' })).toEqual({ ok: false, formError: 'This finding was already reviewed.' });
  });

  it('the crew member moves their own corrective action to fixed; not someone else\u2019s, and never verifies', async () => {
    const id = await report();
    actAs(superA);
    await confirmFindingAction(null, confirmInput(id));
    const [mine] = await actionsOf(id);
    const other = await addCorrectiveActionAction(null, { violationId: id, description: 'Sweep the entrance', assignedTo: inspectorA.userId, dueAt: inDays(2) });
    if (!other.ok) throw new Error(JSON.stringify(other));
    actAs(crewA);
    expect(await advanceCorrectiveActionAction(null, { id: other.data.id, to: 'in_progress' })).toEqual({ ok: false, formError: 'This corrective action is assigned to someone else.' });
    expect(await advanceCorrectiveActionAction(null, { id: mine!.id, to: 'in_progress' })).toMatchObject({ ok: true, data: { status: 'in_progress' } });
    expect(await advanceCorrectiveActionAction(null, { id: mine!.id, to: 'fixed' })).toMatchObject({ ok: true, data: { status: 'fixed' } });
    expect(await advanceCorrectiveActionAction(null, { id: mine!.id, to: 'verified' })).toMatchObject({ ok: false });
    const rows = await actionsOf(id);
    expect(rows.find((a) => a.id === other.data.id)!.status).toBe('open');
    expect(rows.find((a) => a.id === mine!.id)).toMatchObject({ status: 'fixed', fixedBy: crewA.userId });
  });

  it('dismissed with a reason (required), kept on the row and in the audit log; a reported finding does not move by the plain status step', async () => {
    const id = await report();
    actAs(superA);
    expect(await moveViolationStatusAction(null, { id, status: 'in_progress' })).toEqual({ ok: false, formError: 'This finding is not reviewed yet: confirm or dismiss it first.' });
    const blank = await dismissFindingAction(null, { id, reason: ' ' });
    expect(blank).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining('Say why')] } });
    expect(await dismissFindingAction(null, { id, reason: 'Fence was already repaired this morning' })).toMatchObject({ ok: true, data: { status: 'dismissed' } });
    expect(await violationRow(acme.id, id)).toMatchObject({ status: 'dismissed', dismissedReason: 'Fence was already repaired this morning', reviewedBy: superA.userId });
    const last = (await auditOf(db, acme.id, id)).at(-1)!;
    expect(last).toMatchObject({ action: 'transition', after: expect.objectContaining({ status: 'dismissed', dismissedReason: 'Fence was already repaired this morning' }) });
    expect(await actionsOf(id)).toEqual([]);
  });

  it('another tenant\u2019s finding, or an assignee from another tenant, is a plain 404 with nothing written', async () => {
    const id = await report();
    const acmeBefore = await tally(db, acme.id);
    actAs(ownerB);
    expect(await confirmFindingAction(null, confirmInput(id, { assignedTo: '' }))).toEqual(NOT_FOUND);
    expect(await dismissFindingAction(null, { id, reason: 'Not a violation' })).toEqual(NOT_FOUND);
    actAs(superA);
    expect(await confirmFindingAction(null, confirmInput(id, { assignedTo: 'user_bolt_crew' }))).toEqual({ ok: false, formError: 'That person is not a member of this organization.' });
    expect(await tally(db, acme.id)).toEqual(acmeBefore);
    expect((await violationRow(acme.id, id))!.status).toBe('reported');
    // A crew member of B reporting on A's project: 404 too.
    actAs({ userId: 'user_bolt_crew', orgId: bolt.id, orgSlug: 'bolt', role: 'crew' });
    const boltBefore = await tally(db, bolt.id);
    expect(await recordFindingAction(null, { projectId: acmeProject, violationTypeId: acmeType, description: 'Probe finding', foundAt: new Date().toISOString() })).toEqual(NOT_FOUND);
    expect(await tally(db, bolt.id)).toEqual(boltBefore);
  });

  it('the fix must be due by the violation deadline (a field error, nothing written)', async () => {
    const id = await report();
    actAs(superA);
    const r = await confirmFindingAction(null, confirmInput(id, { dueAt: inDays(9), deadline: inDays(7) }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { dueAt: ['The corrective action must be due by the violation deadline.'] } });
    expect((await violationRow(acme.id, id))!.status).toBe('reported');
  });
});

describe('a failed BMP in a submitted inspection', () => {
  async function draft() {
    actAs(crewA);
    const r = await createInspectionAction(null, { projectId: acmeProject, type: 'routine', idempotencyKey: randomUUID() });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.data.inspectionId;
  }
  const failing = (note?: string) =>
    completeEpaForm({ bmp_results: { ...completeEpaForm().bmp_results, silt_fence: note === undefined ? { result: 'fail' } : { result: 'fail', note } } });
  const setPhotoRule = (on: boolean) =>
    withTenantOn(db, { orgId: acme.id, userId: 'test' }, (tx) =>
      tx.update(complianceSettings).set({ failedBmpRequiresPhoto: on }).where(and(eq(complianceSettings.organizationId, acme.id))),
    );

  it('needs a note: a field error on that item, nothing submitted', async () => {
    const id = await draft();
    const before = await tally(db, acme.id);
    const r = await submitInspectionAction(null, { inspectionId: id, data: failing() });
    expect(r).toMatchObject({ ok: true, data: { status: 'invalid', fieldErrors: { 'bmp_results.silt_fence': [expect.stringContaining('add a note')] } } });
    expect(await tally(db, acme.id)).toEqual(before);
  });

  it('needs a photo of that item when the organization requires one (off by default)', async () => {
    const id = await draft();
    await setPhotoRule(true);
    try {
      const r = await submitInspectionAction(null, { inspectionId: id, data: failing('Down at NE corner') });
      expect(r).toMatchObject({ ok: true, data: { status: 'invalid', fieldErrors: { 'bmp_results.silt_fence': [expect.stringContaining('add a photo')] } } });
    } finally {
      await setPhotoRule(false);
    }
    expect(await submitInspectionAction(null, { inspectionId: id, data: failing('Down at NE corner') })).toMatchObject({ ok: true, data: { status: 'submitted' } });
  });
});
