/**
 * Idempotent creates for the field forms and the API (issue 4, item 6): a
 * retried submit with the same idempotency key — double tap, timeout then
 * retry, two requests racing — returns the first row and leaves one row and
 * one audit row; different keys make different rows; keys are per tenant, so
 * another org sending the same key value gets its own row.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, type SQL } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, correctiveActions, rainEvents, violations } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import type { Role } from '@/lib/rbac/permissions';
import { actAs } from '@/tests/support/auth-mock';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'vitest-phone/1.0' }) }));

const { recordRainEventAction } = await import('@/app/(app)/rain-events/actions/record-rain-event');
const { createViolationAction } = await import('@/app/(app)/violations/actions/create-violation');
const { addCorrectiveActionAction } = await import('@/app/(app)/violations/actions/add-corrective-action');
const rainApi = await import('@/app/api/v1/rain-events/route');
const violationsApi = await import('@/app/api/v1/violations/route');

let a: TenantGraph;
let b: TenantGraph;
const as = (role: Role, t: TenantGraph) => actAs({ userId: t.userId, orgId: t.orgId, role });

type Table = typeof rainEvents | typeof violations | typeof correctiveActions;

/** Rows of `table` in `t` made with `key`, and audit rows for them. */
async function made(t: TenantGraph, table: Table, key: string) {
  return withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => {
    const rows = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.organizationId, t.orgId), eq(table.idempotencyKey, key)));
    const audits = [];
    for (const r of rows) {
      const where: SQL = and(eq(auditLog.organizationId, t.orgId), eq(auditLog.entityId, r.id))!;
      audits.push(...(await tx.select({ action: auditLog.action }).from(auditLog).where(where)));
    }
    return { ids: rows.map((r) => r.id), audits: audits.map((x) => x.action) };
  });
}

async function rowCount(t: TenantGraph, table: Table) {
  return withTenant(
    { orgId: t.orgId, userId: t.userId },
    async (tx) => (await tx.select({ n: count() }).from(table).where(eq(table.organizationId, t.orgId)))[0]!.n,
  );
}

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const rainForm = (t: TenantGraph, idempotencyKey: string) =>
  form({ projectId: t.keys.projects, amountInches: '0.40', startedAt: '2026-05-01T07:30:00-05:00', idempotencyKey });
const violationForm = (t: TenantGraph, idempotencyKey: string) =>
  form({
    projectId: t.keys.projects,
    violationTypeId: t.keys.violation_types,
    description: 'Inlet protection missing at inlet #4',
    foundAt: '2026-05-01T07:30',
    tzOffset: '300',
    idempotencyKey,
  });
const actionForm = (violationId: string, idempotencyKey: string) =>
  form({ violationId, description: 'Install an inlet filter bag', dueAt: '2026-05-03T17:00', idempotencyKey });

function idOf(r: { ok: boolean; data?: { id: string } }): string {
  expect(r.ok).toBe(true);
  return r.data!.id;
}

beforeAll(async () => {
  a = await seedTenant('idemA');
  b = await seedTenant('idemB');
});
beforeEach(() => actAs(null));

describe.each([
  {
    name: 'recordRainEventAction',
    table: rainEvents,
    role: 'crew' as Role,
    submit: (t: TenantGraph, key: string) => recordRainEventAction(null, rainForm(t, key)),
  },
  {
    name: 'createViolationAction',
    table: violations,
    role: 'inspector' as Role,
    submit: (t: TenantGraph, key: string) => createViolationAction(null, violationForm(t, key)),
  },
  {
    name: 'addCorrectiveActionAction',
    table: correctiveActions,
    role: 'inspector' as Role,
    submit: (t: TenantGraph, key: string) => addCorrectiveActionAction(null, actionForm(t.keys.violations, key)),
  },
])('$name', ({ table, role, submit }) => {
  it('the same key twice (a retried submit) → the first row again, one row, one audit row', async () => {
    as(role, a);
    const key = randomUUID();
    const before = await rowCount(a, table);
    const first = idOf(await submit(a, key));
    const second = idOf(await submit(a, key));
    expect(second).toBe(first);
    expect(await made(a, table, key)).toEqual({ ids: [first], audits: ['create'] });
    expect(await rowCount(a, table)).toBe(before + 1);
  });

  it('two submits racing with one key → one row', async () => {
    as(role, a);
    const key = randomUUID();
    const [r1, r2] = await Promise.all([submit(a, key), submit(a, key)]);
    expect(idOf(r2)).toBe(idOf(r1));
    expect(await made(a, table, key)).toEqual({ ids: [idOf(r1)], audits: ['create'] });
  });

  it('different keys → two rows', async () => {
    as(role, a);
    const [k1, k2] = [randomUUID(), randomUUID()];
    const id1 = idOf(await submit(a, k1));
    const id2 = idOf(await submit(a, k2));
    expect(id2).not.toBe(id1);
    expect((await made(a, table, k1)).ids).toEqual([id1]);
    expect((await made(a, table, k2)).ids).toEqual([id2]);
  });

  it('keys are per tenant: another org sending the same key value gets its own row', async () => {
    const key = randomUUID();
    as(role, a);
    const inA = idOf(await submit(a, key));
    as(role, b);
    const inB = idOf(await submit(b, key));
    expect(inB).not.toBe(inA);
    expect(await made(a, table, key)).toEqual({ ids: [inA], audits: ['create'] });
    expect(await made(b, table, key)).toEqual({ ids: [inB], audits: ['create'] });
  });

  it('a key that is not a uuid is a field error; nothing is written', async () => {
    as(role, a);
    const before = await rowCount(a, table);
    const r = await submit(a, 'not-a-uuid');
    expect(r).toMatchObject({ ok: false, fieldErrors: { idempotencyKey: ['The idempotency key must be a uuid.'] } });
    expect(await rowCount(a, table)).toBe(before);
  });
});

describe('a key reused for another parent', () => {
  it('a corrective action key sent again for another violation is a 409-style conflict, not the first row', async () => {
    as('inspector', a);
    const other = idOf(await createViolationAction(null, violationForm(a, randomUUID())));
    const key = randomUUID();
    idOf(await addCorrectiveActionAction(null, actionForm(a.keys.violations, key)));
    const r = await addCorrectiveActionAction(null, actionForm(other, key));
    expect(r).toEqual({ ok: false, formError: 'This idempotency key was already used for a different request.' });
    expect((await made(a, correctiveActions, key)).ids).toHaveLength(1);
  });
});

describe.each([
  {
    name: 'POST /api/v1/rain-events',
    table: rainEvents,
    role: 'crew' as Role,
    route: rainApi.POST,
    body: (t: TenantGraph) => ({ projectId: t.keys.projects, amountInches: 1.2, startedAt: '2026-05-02T06:00:00Z' }),
  },
  {
    name: 'POST /api/v1/violations',
    table: violations,
    role: 'inspector' as Role,
    route: violationsApi.POST,
    body: (t: TenantGraph) => ({
      projectId: t.keys.projects,
      violationTypeId: t.keys.violation_types,
      description: 'Concrete washout overflowing',
      foundAt: '2026-05-01T15:00:00Z',
    }),
  },
])('$name with an Idempotency-Key header', ({ table, role, route, body }) => {
  const post = async (t: TenantGraph, key?: string) => {
    as(role, t);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== undefined) headers['idempotency-key'] = key;
    const req = new Request('http://localhost/api/v1/x', { method: 'POST', headers, body: JSON.stringify(body(t)) });
    return route(req, { params: Promise.resolve({}) });
  };

  it('a replay answers 201 with the same row; one row, one audit row', async () => {
    const key = randomUUID();
    const r1 = await post(a, key);
    const r2 = await post(a, key);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const [j1, j2] = [await r1.json(), await r2.json()];
    expect(j2).toEqual(j1);
    expect(await made(a, table, key)).toEqual({ ids: [j1.id], audits: ['create'] });
  });

  it('different keys, or none, → separate rows', async () => {
    const before = await rowCount(a, table);
    const ids = [];
    for (const key of [randomUUID(), randomUUID(), undefined, undefined]) {
      const r = await post(a, key);
      expect(r.status).toBe(201);
      ids.push(((await r.json()) as { id: string }).id);
    }
    expect(new Set(ids).size).toBe(4);
    expect(await rowCount(a, table)).toBe(before + 4);
  });

  it('the same key from another tenant makes that tenant its own row', async () => {
    const key = randomUUID();
    const inA = ((await (await post(a, key)).json()) as { id: string }).id;
    const rb = await post(b, key);
    expect(rb.status).toBe(201);
    const inB = ((await rb.json()) as { id: string }).id;
    expect(inB).not.toBe(inA);
    expect((await made(a, table, key)).ids).toEqual([inA]);
    expect((await made(b, table, key)).ids).toEqual([inB]);
  });

  it('an Idempotency-Key that is not a uuid → 400 with the field named; nothing written', async () => {
    const before = await rowCount(a, table);
    const r = await post(a, 'retry-1');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({
      error: { code: 'bad_request', fieldErrors: { idempotencyKey: ['The Idempotency-Key header must be a uuid.'] } },
    });
    expect(await rowCount(a, table)).toBe(before);
  });
});
