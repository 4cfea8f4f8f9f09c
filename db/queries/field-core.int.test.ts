import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplates } from '@/lib/forms/default-templates';
import { decodeCursor, toPage } from '@/lib/pagination/cursor';
import type { Cursor } from './keyset';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { auditLog, formSubmissions, formTemplates, inspections, violationTypes } from '../schema';
import { withTenant, type Tx } from '../tenant';
import type { Actor } from './audit';
import { saveSubmission } from '@/lib/forms/save-submission';
import { amendInspection, createInspection, publishInspection, signInspection, submitInspection, updateInspection } from './inspections';
import { createProject, getProject, listProjects, updateProject } from './projects';
import { createRainEvent } from './rain-events';
import { advanceCorrectiveAction, createCorrectiveAction } from './corrective-actions';
import { createViolation, updateViolation } from './violations';

let a: TenantGraph;
let b: TenantGraph;
let actorA: Actor;
let actorB: Actor;
const inA = <T>(fn: (tx: Tx) => Promise<T>) => withTenant({ orgId: a.orgId, userId: a.userId }, fn);
const inB = <T>(fn: (tx: Tx) => Promise<T>) => withTenant({ orgId: b.orgId, userId: b.userId }, fn);
const auditCount = (tx: Tx, orgId: string) =>
  tx.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, orgId)).then((r) => r[0]!.n);

beforeAll(async () => {
  a = await seedTenant('fieldA');
  b = await seedTenant('fieldB');
  actorA = { orgId: a.orgId, userId: a.userId, ip: '203.0.113.7', userAgent: 'vitest' };
  actorB = { orgId: b.orgId, userId: b.userId };
});

describe('projects', () => {
  it('creates with an audit row in the same transaction, and pages newest first', async () => {
    const created = await inA(async (tx) => {
      const p1 = await createProject(tx, actorA, { name: 'Alpha yard', address: '1 A St' });
      const p2 = await createProject(tx, actorA, { name: 'Beta yard', address: '2 B St' });
      return [p1, p2];
    });
    const [audit] = await inA((tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.organizationId, a.orgId), eq(auditLog.entityId, created[1]!.id))),
    );
    expect(audit).toMatchObject({ action: 'create', entityType: 'project', actorUserId: a.userId, ip: '203.0.113.7', userAgent: 'vitest' });
    // Same transaction, same created_at: the id breaks the tie and the cursor still walks every row once.
    const seen: string[] = [];
    let cursor: Cursor | undefined;
    for (let i = 0; i < 5; i++) {
      const page = toPage(await inA((tx) => listProjects(tx, a.orgId, { search: 'yard', limit: 1, cursor })), 1);
      seen.push(...page.items.map((p) => p.name));
      if (!page.nextCursor) break;
      cursor = decodeCursor(page.nextCursor);
    }
    expect(seen.sort()).toEqual(['Alpha yard', 'Beta yard']);
  });

  it('search treats % and _ literally', async () => {
    await inA((tx) => createProject(tx, actorA, { name: 'Lot 100% done' }));
    const hits = await inA((tx) => listProjects(tx, a.orgId, { search: '100%', limit: 10 }));
    expect(hits.map((p) => p.name)).toEqual(['Lot 100% done']);
    expect(await inA((tx) => listProjects(tx, a.orgId, { search: '_', limit: 10 }))).toEqual([]);
  });

  it('an update records only the changed fields; archiving is its own action', async () => {
    const p = await inA((tx) => createProject(tx, actorA, { name: 'Gamma' }));
    await inA((tx) => updateProject(tx, actorA, p.id, { status: 'archived' }));
    const [row] = await inA((tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'archive'))),
    );
    expect(row?.before).toEqual({ status: 'active' });
    expect(row?.after).toEqual({ status: 'archived' });
  });

  it("another tenant's id is a miss: nothing read, nothing written, no audit row", async () => {
    const before = await inB((tx) => auditCount(tx, b.orgId));
    expect(await inB((tx) => getProject(tx, b.orgId, a.keys.projects))).toBeUndefined();
    expect(await inB((tx) => updateProject(tx, actorB, a.keys.projects, { name: 'pwned' }))).toBeUndefined();
    expect(await inB((tx) => createRainEvent(tx, actorB, { projectId: a.keys.projects, amountInches: '1.00', startedAt: new Date() }))).toBeUndefined();
    expect(await inB((tx) => createInspection(tx, actorB, a.keys.projects, {}))).toBeUndefined();
    expect(await inB((tx) => auditCount(tx, b.orgId))).toBe(before);
    expect((await inA((tx) => getProject(tx, a.orgId, a.keys.projects)))?.name).not.toBe('pwned');
  });

  it('a failing write leaves no audit row behind', async () => {
    const before = await inA((tx) => auditCount(tx, a.orgId));
    await expect(
      inA(async (tx) => {
        await createProject(tx, actorA, { name: 'Doomed' });
        await tx.execute(sql`select 1/0`);
      }),
    ).rejects.toThrow();
    expect(await inA((tx) => auditCount(tx, a.orgId))).toBe(before);
  });
});

describe('inspection lifecycle', () => {
  it('draft → submitted → signed → published, then immutable; corrections are amendments', async () => {
    const draft = (await inA((tx) => createInspection(tx, actorA, a.keys.projects, { type: 'storm_event' })))!;
    expect(draft.status).toBe('draft');
    expect(await inA((tx) => signInspection(tx, actorA, draft.id, { name: 'X', statement: 'S' }))).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await inA((tx) => publishInspection(tx, actorA, draft.id))).toMatchObject({ ok: false, reason: 'conflict' });
    const submitted = await inA((tx) => submitInspection(tx, actorA, draft.id, { findings: 'Silt fence down at NE corner' }));
    expect(submitted).toMatchObject({ ok: true, inspection: { status: 'submitted' } });
    const signed = await inA((tx) => signInspection(tx, actorA, draft.id, { name: 'Ines Ibarra', title: 'CPESC', statement: 'I certify…' }));
    expect(signed).toMatchObject({ ok: true, inspection: { signatureName: 'Ines Ibarra', signedBy: a.userId } });
    expect(await inA((tx) => publishInspection(tx, actorA, draft.id))).toMatchObject({ ok: true, inspection: { status: 'published' } });

    // Through the query layer: refused with a message.
    expect(await inA((tx) => updateInspection(tx, actorA, draft.id, { findings: 'rewritten' }))).toMatchObject({ ok: false, reason: 'conflict' });
    // Around it, straight SQL as brave_app: the database refuses too.
    await expect(inA((tx) => tx.update(inspections).set({ findings: 'rewritten' }).where(eq(inspections.id, draft.id)))).rejects.toMatchObject({ cause: { code: '23514', message: expect.stringMatching(/immutable/) } });
    await expect(inA((tx) => tx.delete(inspections).where(eq(inspections.id, draft.id)))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/cannot be deleted/) } });

    const amended = await inA((tx) => amendInspection(tx, actorA, draft.id));
    expect(amended).toMatchObject({ ok: true, inspection: { amendsInspectionId: draft.id, revision: 2, status: 'draft', findings: 'Silt fence down at NE corner' } });
    const actions = await inA((tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, draft.id)));
    expect(actions.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'submit', 'sign', 'publish']));
  });

  it('another tenant cannot submit, sign, publish or amend it', async () => {
    const draft = (await inA((tx) => createInspection(tx, actorA, a.keys.projects, {})))!;
    for (const attempt of [
      (tx: Tx) => submitInspection(tx, actorB, draft.id, {}),
      (tx: Tx) => signInspection(tx, actorB, draft.id, { name: 'B', statement: 'B' }),
      (tx: Tx) => publishInspection(tx, actorB, draft.id),
      (tx: Tx) => amendInspection(tx, actorB, draft.id),
    ]) {
      expect(await inB(attempt)).toEqual({ ok: false, reason: 'not_found' });
    }
    expect((await inA((tx) => tx.select().from(inspections).where(eq(inspections.id, draft.id))))[0]?.status).toBe('draft');
  });
});

describe('form submissions', () => {
  let templateId: string;
  beforeAll(async () => {
    const epa = defaultTemplates[0]!;
    templateId = await inA(async (tx) => {
      const [row] = await tx
        .insert(formTemplates)
        .values({ organizationId: a.orgId, key: `${epa.key}_t`, name: epa.name, kind: epa.kind, schema: epa.definition })
        .returning();
      return row!.id;
    });
  });

  it('the same idempotency key twice makes one row', async () => {
    const input = { templateId, projectId: a.keys.projects, data: { weather: 'Sunny' }, submit: false, idempotencyKey: 'idem-1' };
    const first = await inA((tx) => saveSubmission(tx, actorA, input));
    const second = await inA((tx) => saveSubmission(tx, actorA, input));
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(second).toMatchObject({ ok: true, replayed: true });
    if (!first.ok || !second.ok) throw new Error('unreachable');
    expect(second.submission.id).toBe(first.submission.id);
    const rows = await inA((tx) => tx.select().from(formSubmissions).where(eq(formSubmissions.idempotencyKey, 'idem-1')));
    expect(rows).toHaveLength(1);
  });

  it('a submit is validated against the template version and reports every field', async () => {
    const res = await inA((tx) =>
      saveSubmission(tx, actorA, { templateId, projectId: a.keys.projects, data: {}, submit: true, idempotencyKey: 'idem-2' }),
    );
    expect(res.ok).toBe(false);
    if (res.ok || res.reason !== 'invalid') throw new Error('expected invalid');
    expect(Object.keys(res.fieldErrors)).toEqual(expect.arrayContaining(['inspection_date', 'weather', 'bmp_results', 'performed_by']));
    expect(await inA((tx) => tx.select().from(formSubmissions).where(eq(formSubmissions.idempotencyKey, 'idem-2')))).toHaveLength(0);
  });

  it("another tenant's template or project is a miss", async () => {
    const res = await inB((tx) =>
      saveSubmission(tx, actorB, { templateId, projectId: b.keys.projects, data: {}, submit: false, idempotencyKey: 'idem-3' }),
    );
    expect(res).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('violations and corrective actions', () => {
  it('moves open → in progress → fixed → verified, stamping who and when, and refuses skips', async () => {
    const typeId = await inA((tx) => tx.select({ id: violationTypes.id }).from(violationTypes).limit(1).then((r) => r[0]!.id));
    const v = (await inA((tx) =>
      createViolation(tx, actorA, { projectId: a.keys.projects, violationTypeId: typeId, description: 'Inlet unprotected', deadline: new Date(Date.now() + 86_400_000) }),
    ))!;
    expect(v.status).toBe('open');
    expect(await inA((tx) => updateViolation(tx, actorA, v.id, { status: 'verified' }))).toMatchObject({ ok: false, reason: 'conflict' });
    const ca = (await inA((tx) => createCorrectiveAction(tx, actorA, { violationId: v.id, description: 'Install inlet filter', dueAt: new Date() })))!;
    for (const step of ['in_progress', 'fixed', 'verified'] as const) {
      const r = await inA((tx) => advanceCorrectiveAction(tx, actorA, ca.id, step));
      expect(r.ok).toBe(true);
    }
    const done = await inA((tx) => advanceCorrectiveAction(tx, actorA, ca.id, 'open'));
    expect(done).toMatchObject({ ok: false, reason: 'conflict' });
    const final = await inA((tx) => advanceCorrectiveAction(tx, actorA, ca.id, 'verified'));
    expect(final.ok).toBe(false);
  });

  it("a violation can't point at another tenant's project, type or inspection", async () => {
    const typeB = await inB((tx) => tx.select({ id: violationTypes.id }).from(violationTypes).limit(1).then((r) => r[0]!.id));
    const typeA = await inA((tx) => tx.select({ id: violationTypes.id }).from(violationTypes).limit(1).then((r) => r[0]!.id));
    const base = { projectId: b.keys.projects, violationTypeId: typeB, description: 'x', deadline: new Date() };
    expect(await inB((tx) => createViolation(tx, actorB, { ...base, projectId: a.keys.projects }))).toBeUndefined();
    expect(await inB((tx) => createViolation(tx, actorB, { ...base, violationTypeId: typeA }))).toBeUndefined();
    expect(await inB((tx) => createViolation(tx, actorB, { ...base, inspectionId: a.keys.inspections }))).toBeUndefined();
    expect(await inB((tx) => updateViolation(tx, actorB, a.keys.violations, { description: 'x' }))).toEqual({ ok: false, reason: 'not_found' });
    expect(await inB((tx) => createCorrectiveAction(tx, actorB, { violationId: a.keys.violations, description: 'x', dueAt: new Date() }))).toBeUndefined();
    expect(await inB((tx) => advanceCorrectiveAction(tx, actorB, a.keys.corrective_actions, 'in_progress'))).toEqual({ ok: false, reason: 'not_found' });
  });
});
