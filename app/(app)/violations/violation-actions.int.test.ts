/**
 * Every violation / corrective-action server action against the real database:
 * happy path with its audit row, every field error, missing permission, and
 * another tenant's ids (404, nothing written, no audit row).
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, correctiveActions, violations, violationTypes } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { revalidated } from '@/tests/support/next-cache-mock';
import type { Role } from '@/lib/rbac/permissions';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { createViolationAction } = await import('./actions/create-violation');
const { updateViolationAction } = await import('./actions/update-violation');
const { moveViolationStatusAction } = await import('./actions/move-violation-status');
const { addCorrectiveActionAction } = await import('./actions/add-corrective-action');
const { advanceCorrectiveActionAction } = await import('./actions/advance-corrective-action');

let a: TenantGraph;
let b: TenantGraph;
const DENIED = { ok: false, formError: 'You do not have permission to do that.' };
const NOT_FOUND = { ok: false, formError: 'Not found.' };

const as = (role: Role, t: TenantGraph = a) => actAs({ userId: t.userId, orgId: t.orgId, role });

/** Rows a write could leave behind in one org: violations, corrective actions, audit rows. */
async function footprint(t: TenantGraph) {
  return withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => {
    const n = async (table: typeof violations | typeof correctiveActions | typeof auditLog) =>
      (await tx.select({ n: count() }).from(table).where(eq(table.organizationId, t.orgId)))[0]!.n;
    return { violations: await n(violations), actions: await n(correctiveActions), audit: await n(auditLog) };
  });
}

async function auditFor(t: TenantGraph, entityId: string) {
  return withTenant({ orgId: t.orgId, userId: t.userId }, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, t.orgId), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.createdAt),
  );
}

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const validCreate = (t: TenantGraph) => ({
  projectId: t.keys.projects,
  violationTypeId: t.keys.violation_types,
  bmpCategoryId: t.keys.bmp_categories,
  inspectionId: t.keys.inspections,
  description: 'Silt fence undercut along the north swale',
  location: 'North swale, station 3+50',
  foundAt: '2026-05-01T07:30',
  deadline: '',
  tzOffset: '300', // UTC−5 (Central daylight time)
});

async function newViolation(t: TenantGraph = a): Promise<string> {
  as('inspector', t);
  const r = await createViolationAction(null, form(validCreate(t)));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id;
}

beforeAll(async () => {
  a = await seedTenant('violA');
  b = await seedTenant('violB');
  // A type with a 3-day default deadline in A.
  await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
    tx
      .update(violationTypes)
      .set({ defaultDeadlineDays: 3 })
      .where(and(eq(violationTypes.organizationId, a.orgId), eq(violationTypes.id, a.keys.violation_types))),
  );
});
beforeEach(() => {
  actAs(null);
  revalidated.length = 0;
});

describe('createViolationAction', () => {
  it('creates from a form, resolves local time with the browser offset, defaults the deadline from the type, audits', async () => {
    as('inspector');
    const r = await createViolationAction(null, form(validCreate(a)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx
        .select()
        .from(violations)
        .where(and(eq(violations.organizationId, a.orgId), eq(violations.id, r.data.id))),
    );
    expect(row).toMatchObject({
      status: 'open',
      foundBy: a.userId,
      inspectionId: a.keys.inspections,
      location: 'North swale, station 3+50',
    });
    expect(row!.foundAt.toISOString()).toBe('2026-05-01T12:30:00.000Z');
    expect(row!.deadline.toISOString()).toBe('2026-05-04T12:30:00.000Z');
    const audit = await auditFor(a, r.data.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityType: 'violation', actorUserId: a.userId });
    expect(revalidated).toEqual(expect.arrayContaining(['/violations', '/dashboard']));
  });

  it('takes an explicit deadline, and a violation found on its own (no inspection, no BMP category)', async () => {
    as('superintendent');
    const r = await createViolationAction(null, {
      ...validCreate(a),
      inspectionId: '',
      bmpCategoryId: '',
      location: '',
      foundAt: '2026-05-02T10:00:00Z',
      deadline: '2026-05-03T10:00:00Z',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.select().from(violations).where(eq(violations.id, r.data.id)),
    );
    expect(row).toMatchObject({ inspectionId: null, bmpCategoryId: null, location: null });
    expect(row!.deadline.toISOString()).toBe('2026-05-03T10:00:00.000Z');
  });

  it('reports every field error and writes nothing', async () => {
    as('owner');
    const before = await footprint(a);
    const r = await createViolationAction(
      null,
      form({
        projectId: 'x',
        violationTypeId: '',
        inspectionId: 'nope',
        bmpCategoryId: '1',
        description: 'a',
        foundAt: 'yesterday',
        deadline: 'soon',
        location: 'x'.repeat(501),
      }),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual(
      [
        'bmpCategoryId',
        'deadline',
        'description',
        'foundAt',
        'inspectionId',
        'location',
        'projectId',
        'violationTypeId',
      ].sort(),
    );
    expect(await footprint(a)).toEqual(before);
  });

  it('refuses a deadline before the time found and a time found in the future', async () => {
    as('owner');
    const r = await createViolationAction(null, {
      ...validCreate(a),
      foundAt: '2999-01-01T00:00:00Z',
      deadline: '2998-01-01T00:00:00Z',
    });
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['deadline', 'foundAt']);
  });

  it('crew and viewers may not record violations: form error, nothing written', async () => {
    for (const role of ['crew', 'viewer'] as const) {
      as(role);
      const before = await footprint(a);
      expect(await createViolationAction(null, form(validCreate(a)))).toEqual(DENIED);
      expect(await footprint(a)).toEqual(before);
    }
  });

  it("another tenant's project, type, BMP category or inspection is a 404: nothing written, no audit row", async () => {
    as('owner', b);
    const before = await footprint(b);
    const beforeA = await footprint(a);
    for (const key of ['projectId', 'violationTypeId', 'bmpCategoryId', 'inspectionId'] as const) {
      const foreign = {
        projectId: a.keys.projects,
        violationTypeId: a.keys.violation_types,
        bmpCategoryId: a.keys.bmp_categories,
        inspectionId: a.keys.inspections,
      }[key];
      expect(await createViolationAction(null, { ...validCreate(b), [key]: foreign }), key).toEqual(NOT_FOUND);
    }
    expect(await footprint(b)).toEqual(before);
    expect(await footprint(a)).toEqual(beforeA);
  });

  it('signed out: form error', async () => {
    expect(await createViolationAction(null, form(validCreate(a)))).toEqual({
      ok: false,
      formError: 'Sign in to continue.',
    });
  });
});

describe('updateViolationAction', () => {
  it('edits details, records only the changed fields', async () => {
    const id = await newViolation();
    as('inspector');
    const r = await updateViolationAction(
      null,
      form({ id, description: 'Silt fence replaced, still undercut', location: '', deadline: '2026-06-01T12:00:00Z' }),
    );
    expect(r).toEqual({ ok: true, data: { id } });
    const audit = await auditFor(a, id);
    expect(audit.at(-1)).toMatchObject({ action: 'update' });
    expect(Object.keys(audit.at(-1)!.after as object).sort()).toEqual(['deadline', 'description', 'location']);
    expect(revalidated).toContain(`/violations/${id}`);
  });

  it('reports every field error and writes nothing', async () => {
    const id = await newViolation();
    as('owner');
    const before = await footprint(a);
    const r = await updateViolationAction(
      null,
      form({ id: 'bad', description: '', violationTypeId: 'x', foundAt: 'x', deadline: 'x', bmpCategoryId: 'x' }),
    );
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      'bmpCategoryId',
      'deadline',
      'description',
      'foundAt',
      'id',
      'violationTypeId',
    ]);
    expect(await footprint(a)).toEqual(before);
    void id;
  });

  it('crew may not edit', async () => {
    const id = await newViolation();
    as('crew');
    const before = await footprint(a);
    expect(await updateViolationAction(null, { id, description: 'changed by crew' })).toEqual(DENIED);
    expect(await footprint(a)).toEqual(before);
  });

  it("another tenant's violation, or a foreign type on our own violation: 404, nothing written", async () => {
    const idA = await newViolation(a);
    const idB = await newViolation(b);
    as('owner', b);
    const before = await footprint(b);
    expect(await updateViolationAction(null, { id: idA, description: 'pwned by b' })).toEqual(NOT_FOUND);
    expect(await updateViolationAction(null, { id: idB, violationTypeId: a.keys.violation_types })).toEqual(NOT_FOUND);
    expect(await footprint(b)).toEqual(before);
    expect(await auditFor(a, idA)).toHaveLength(1);
  });
});

describe('moveViolationStatusAction', () => {
  it('steps open → in progress → fixed → verified, each step audited with who', async () => {
    const id = await newViolation();
    as('inspector');
    for (const status of ['in_progress', 'fixed', 'verified'] as const) {
      expect(await moveViolationStatusAction(null, form({ id, status }))).toEqual({ ok: true, data: { id, status } });
    }
    const audit = await auditFor(a, id);
    expect(audit.map((r) => r.action)).toEqual(['create', 'transition', 'transition', 'transition']);
    expect(audit.map((r) => (r.after as { status?: string }).status)).toEqual([
      'open',
      'in_progress',
      'fixed',
      'verified',
    ]);
  });

  it('an invalid transition is a clear form error and writes nothing', async () => {
    const id = await newViolation();
    as('inspector');
    const before = await footprint(a);
    expect(await moveViolationStatusAction(null, { id, status: 'verified' })).toEqual({
      ok: false,
      formError: 'An open violation cannot move to verified.',
    });
    expect(await footprint(a)).toEqual(before);
  });

  it('validation, permission and foreign ids', async () => {
    const idA = await newViolation(a);
    as('inspector');
    const r = await moveViolationStatusAction(null, { id: 'x', status: 'done' });
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['id', 'status']);
    as('crew');
    expect(await moveViolationStatusAction(null, { id: idA, status: 'in_progress' })).toEqual(DENIED);
    as('owner', b);
    const before = await footprint(b);
    expect(await moveViolationStatusAction(null, { id: idA, status: 'in_progress' })).toEqual(NOT_FOUND);
    expect(await footprint(b)).toEqual(before);
    expect(await auditFor(a, idA)).toHaveLength(1);
  });
});

describe('addCorrectiveActionAction', () => {
  it('adds an action assigned to a member, audited', async () => {
    const id = await newViolation();
    as('superintendent');
    const r = await addCorrectiveActionAction(
      null,
      form({
        violationId: id,
        description: 'Re-trench and backfill the fence',
        assignedTo: a.userId,
        dueAt: '2026-05-05T08:00',
        tzOffset: '300',
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.select().from(correctiveActions).where(eq(correctiveActions.id, r.data.id)),
    );
    expect(row).toMatchObject({ violationId: id, assignedTo: a.userId, status: 'open', createdBy: a.userId });
    expect(row!.dueAt.toISOString()).toBe('2026-05-05T13:00:00.000Z');
    expect(await auditFor(a, r.data.id)).toMatchObject([{ action: 'create', entityType: 'corrective_action' }]);
  });

  it('reports every field error and writes nothing', async () => {
    as('owner');
    const before = await footprint(a);
    const r = await addCorrectiveActionAction(
      null,
      form({ violationId: '', description: '', assignedTo: 'no spaces allowed', dueAt: '' }),
    );
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      'assignedTo',
      'description',
      'dueAt',
      'violationId',
    ]);
    expect(await footprint(a)).toEqual(before);
  });

  it('crew may not plan corrective actions', async () => {
    const id = await newViolation();
    as('crew');
    expect(
      await addCorrectiveActionAction(null, { violationId: id, description: 'Fix it', dueAt: '2026-05-05T08:00:00Z' }),
    ).toEqual(DENIED);
  });

  it("another tenant's violation or a non-member assignee: 404, nothing written", async () => {
    const idA = await newViolation(a);
    const idB = await newViolation(b);
    as('owner', b);
    const before = await footprint(b);
    expect(
      await addCorrectiveActionAction(null, { violationId: idA, description: 'Fix it', dueAt: '2026-05-05T08:00:00Z' }),
    ).toEqual(NOT_FOUND);
    expect(
      await addCorrectiveActionAction(null, {
        violationId: idB,
        description: 'Fix it',
        dueAt: '2026-05-05T08:00:00Z',
        assignedTo: a.userId,
      }),
    ).toEqual({
      ok: false,
      formError: 'That person is not a member of this organization.',
    });
    expect(await footprint(b)).toEqual(before);
  });
});

describe('advanceCorrectiveActionAction', () => {
  // Assigned to the tenant's member: crews move only the corrective actions assigned to them.
  async function newAction(t: TenantGraph = a) {
    const violationId = await newViolation(t);
    as('inspector', t);
    const r = await addCorrectiveActionAction(null, {
      violationId,
      description: 'Replace inlet filter',
      assignedTo: t.userId,
      dueAt: '2026-05-05T08:00:00Z',
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.data.id;
  }

  it('crew start and fix it (stamped who/when); an inspector verifies it', async () => {
    const id = await newAction();
    as('crew');
    expect(await advanceCorrectiveActionAction(null, form({ id, to: 'in_progress' }))).toEqual({
      ok: true,
      data: { id, status: 'in_progress' },
    });
    expect(await advanceCorrectiveActionAction(null, { id, to: 'fixed' })).toEqual({
      ok: true,
      data: { id, status: 'fixed' },
    });
    expect(await advanceCorrectiveActionAction(null, { id, to: 'verified' })).toEqual({
      ok: false,
      formError: 'Only an inspector or supervisor can verify or reopen a corrective action.',
    });
    as('inspector');
    expect(await advanceCorrectiveActionAction(null, { id, to: 'verified' })).toEqual({
      ok: true,
      data: { id, status: 'verified' },
    });
    const [row] = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.select().from(correctiveActions).where(eq(correctiveActions.id, id)),
    );
    expect(row).toMatchObject({ startedBy: a.userId, fixedBy: a.userId, verifiedBy: a.userId });
    expect(row!.startedAt).toBeInstanceOf(Date);
    expect((await auditFor(a, id)).map((r) => r.action)).toEqual(['create', 'transition', 'transition', 'transition']);
  });

  it('an invalid step is a form error; bad input lists every field', async () => {
    const id = await newAction();
    as('inspector');
    const before = await footprint(a);
    expect(await advanceCorrectiveActionAction(null, { id, to: 'verified' })).toEqual({
      ok: false,
      formError: 'Cannot move from open to verified.',
    });
    expect(await footprint(a)).toEqual(before);
    const r = await advanceCorrectiveActionAction(null, { id: '1', to: 'later' });
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['id', 'to']);
  });

  it('viewers are refused; another tenant gets 404 with nothing written', async () => {
    const id = await newAction(a);
    as('viewer');
    expect(await advanceCorrectiveActionAction(null, { id, to: 'in_progress' })).toEqual(DENIED);
    as('owner', b);
    const before = await footprint(b);
    expect(await advanceCorrectiveActionAction(null, { id, to: 'in_progress' })).toEqual(NOT_FOUND);
    expect(await footprint(b)).toEqual(before);
    expect(await auditFor(a, id)).toHaveLength(1);
  });
});
