/**
 * /api/v1/violations through tenantRoute against the real database: list with
 * filters and cursor pages, create, get, patch (details and status steps),
 * every field error in a 400, 403 without the permission, 404 for foreign or
 * malformed ids with nothing written.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, violations } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import type { Role } from '@/lib/rbac/permissions';
import { actAs } from '@/tests/support/auth-mock';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const list = await import('./route');
const one = await import('./[id]/route');

let a: TenantGraph;
let b: TenantGraph;
const as = (role: Role, t: TenantGraph = a) => actAs({ userId: t.userId, orgId: t.orgId, role });
const URL_BASE = 'http://localhost/api/v1/violations';
const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const json = (method: string, body: unknown, url = URL_BASE) =>
  new Request(url, {
    method,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

async function footprint(t: TenantGraph) {
  return withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => ({
    violations: (await tx.select({ n: count() }).from(violations).where(eq(violations.organizationId, t.orgId)))[0]!.n,
    audit: (await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, t.orgId)))[0]!.n,
  }));
}

const body = (t: TenantGraph) => ({
  projectId: t.keys.projects,
  violationTypeId: t.keys.violation_types,
  description: 'Concrete washout overflowing',
  location: 'Gate 2',
  foundAt: '2026-05-01T15:00:00Z',
});

async function create(t: TenantGraph = a, extra: Record<string, unknown> = {}) {
  as('inspector', t);
  const res = await list.POST(json('POST', { ...body(t), ...extra }), noParams);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; status: string; deadline: string };
}

beforeAll(async () => {
  a = await seedTenant('apiA');
  b = await seedTenant('apiB');
});
beforeEach(() => actAs(null));

describe('POST /api/v1/violations', () => {
  it('201 with the violation, the default deadline from its type (7 days), an audit row, no tenant column', async () => {
    const before = await footprint(a);
    const v = await create();
    expect(v).toMatchObject({
      status: 'open',
      description: 'Concrete washout overflowing',
      deadline: '2026-05-08T15:00:00.000Z',
    });
    expect(v).not.toHaveProperty('organizationId');
    expect(await footprint(a)).toEqual({ violations: before.violations + 1, audit: before.audit + 1 });
  });

  it('400 with every field error (structured), nothing written', async () => {
    as('owner');
    const before = await footprint(a);
    const res = await list.POST(
      json('POST', { projectId: 'nope', description: '', foundAt: 'monday', deadline: 5 }),
      noParams,
    );
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
    expect(err.error.code).toBe('bad_request');
    expect(Object.keys(err.error.fieldErrors).sort()).toEqual([
      'deadline',
      'description',
      'foundAt',
      'projectId',
      'violationTypeId',
    ]);
    expect((await list.POST(json('POST', '{not json'), noParams)).status).toBe(400);
    expect(await footprint(a)).toEqual(before);
  });

  it('403 for crew and viewers, nothing written', async () => {
    const before = await footprint(a);
    for (const role of ['crew', 'viewer'] as const) {
      as(role);
      expect((await list.POST(json('POST', body(a)), noParams)).status).toBe(403);
    }
    expect(await footprint(a)).toEqual(before);
  });

  it("404 for another tenant's project or type, nothing written in either org", async () => {
    as('owner', b);
    const before = [await footprint(a), await footprint(b)];
    expect((await list.POST(json('POST', { ...body(b), projectId: a.keys.projects }), noParams)).status).toBe(404);
    const res = await list.POST(json('POST', { ...body(b), violationTypeId: a.keys.violation_types }), noParams);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    expect([await footprint(a), await footprint(b)]).toEqual(before);
  });
});

describe('GET /api/v1/violations', () => {
  it('lists own violations only, filters by project and status, pages with a cursor', async () => {
    const first = await create(a);
    await create(a);
    await create(b);
    as('viewer');
    const all = (await (await list.GET(new Request(URL_BASE), noParams)).json()) as {
      items: { id: string; organizationId?: string; projectName: string }[];
    };
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all.items.every((v) => !('organizationId' in v))).toBe(true);
    const bIds = new Set(
      (
        (await withTenant({ orgId: b.orgId, userId: b.userId }, (tx) =>
          tx.select({ id: violations.id }).from(violations),
        )) as { id: string }[]
      ).map((r) => r.id),
    );
    expect(all.items.some((v) => bIds.has(v.id))).toBe(false);

    as('inspector');
    await one.PATCH(json('PATCH', { status: 'in_progress' }, `${URL_BASE}/${first.id}`), withId(first.id));
    as('viewer');
    const inProgress = (await (
      await list.GET(new Request(`${URL_BASE}?status=in_progress&projectId=${a.keys.projects}`), noParams)
    ).json()) as { items: { id: string }[] };
    expect(inProgress.items.map((v) => v.id)).toEqual([first.id]);

    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = (await (
        await list.GET(new Request(`${URL_BASE}?limit=1${cursor ? `&cursor=${cursor}` : ''}`), noParams)
      ).json()) as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((v) => v.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((v) => v.id));
  });

  it('400 naming every bad parameter', async () => {
    as('viewer');
    const res = await list.GET(new Request(`${URL_BASE}?projectId=x&status=done&limit=0&cursor=zzz`), noParams);
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(err.error.fieldErrors).sort()).toEqual(['cursor', 'limit', 'projectId', 'status']);
  });

  it('401 signed out', async () => {
    expect((await list.GET(new Request(URL_BASE), noParams)).status).toBe(401);
  });
});

describe('GET /api/v1/violations/:id', () => {
  it('200 with corrective actions; 404 for foreign, missing and malformed ids', async () => {
    as('crew');
    const res = await one.GET(new Request(`${URL_BASE}/${a.keys.violations}`), withId(a.keys.violations));
    expect(res.status).toBe(200);
    const v = (await res.json()) as { id: string; correctiveActions: { id: string }[] };
    expect(v.id).toBe(a.keys.violations);
    expect(v.correctiveActions.map((c) => c.id)).toEqual([a.keys.corrective_actions]);

    as('owner', b);
    for (const id of [a.keys.violations, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      const r = await one.GET(new Request(`${URL_BASE}/${encodeURIComponent(id)}`), withId(id));
      expect(r.status, id).toBe(404);
      expect(await r.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    }
  });
});

describe('PATCH /api/v1/violations/:id', () => {
  it('edits details and steps status, each audited; a skipped step is a 409 with nothing written', async () => {
    const v = await create();
    as('inspector');
    const r1 = await one.PATCH(
      json('PATCH', { description: 'Washout relined', deadline: '2026-05-03T12:00:00-05:00' }),
      withId(v.id),
    );
    expect(r1.status).toBe(200);
    expect(await r1.json()).toMatchObject({
      description: 'Washout relined',
      deadline: '2026-05-03T17:00:00.000Z',
      status: 'open',
    });

    const before = await footprint(a);
    const r409 = await one.PATCH(json('PATCH', { status: 'verified' }), withId(v.id));
    expect(r409.status).toBe(409);
    expect(await r409.json()).toEqual({
      error: { code: 'conflict', message: 'An open violation cannot move to verified.' },
    });
    expect(await footprint(a)).toEqual(before);

    for (const status of ['fixed', 'verified']) {
      const r = await one.PATCH(json('PATCH', { status }), withId(v.id));
      expect(r.status).toBe(200);
    }
    const audit = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.entityId, v.id)),
    );
    expect(audit.map((x) => x.action).sort()).toEqual(['create', 'transition', 'transition', 'update']);
  });

  it('400 with every field error; unknown fields (projectId) refused; empty patch refused', async () => {
    const v = await create();
    as('owner');
    const res = await one.PATCH(
      json('PATCH', { status: 'done', description: 'x', foundAt: 'later', violationTypeId: 1 }),
      withId(v.id),
    );
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(err.error.fieldErrors).sort()).toEqual(['description', 'foundAt', 'status', 'violationTypeId']);
    // Next to a valid field, so the 400 comes from the unknown key and not from the empty-patch check.
    const move = await one.PATCH(json('PATCH', { description: 'Still a valid description', projectId: b.keys.projects }), withId(v.id));
    expect(move.status).toBe(400);
    expect(((await move.json()) as { error: { message: string } }).error.message).toContain('projectId');
    expect((await one.PATCH(json('PATCH', {}), withId(v.id))).status).toBe(400);
  });

  it('403 for crew; 404 for another tenant (nothing written, no audit row) and for malformed ids', async () => {
    const v = await create(a);
    as('crew');
    expect((await one.PATCH(json('PATCH', { status: 'in_progress' }), withId(v.id))).status).toBe(403);
    as('owner', b);
    const before = [await footprint(a), await footprint(b)];
    expect((await one.PATCH(json('PATCH', { description: 'pwned by b' }), withId(v.id))).status).toBe(404);
    expect((await one.PATCH(json('PATCH', { status: 'in_progress' }), withId(v.id))).status).toBe(404);
    expect((await one.PATCH(json('PATCH', { status: 'in_progress' }), withId('nope'))).status).toBe(404);
    expect([await footprint(a), await footprint(b)]).toEqual(before);
  });
});
