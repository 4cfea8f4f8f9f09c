/** /api/v1/projects and /api/v1/projects/:id through tenantRoute against the real database. */
import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  acme,
  auditCount,
  auditRowsFor,
  bolt,
  projectCount,
  projectNamed,
  projectRow,
  REQUEST_HEADERS,
  seedOrgs,
} from '@/app/(app)/projects/_test/support';
import { actAs } from '@/tests/support/auth-mock';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const list = await import('./route');
const one = await import('./[id]/route');

const BASE = 'http://localhost/api/v1/projects';
const owner = () => actAs({ userId: 'user_acme_owner', orgId: acme.id, orgSlug: 'acme', role: 'owner' });
const boltOwner = () => actAs({ userId: 'user_bolt_owner', orgId: bolt.id, orgSlug: 'bolt', role: 'owner' });
const crew = () => actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' });
const viewer = () => actAs({ userId: 'user_bolt_viewer', orgId: bolt.id, orgSlug: 'bolt', role: 'viewer' });

const json = (method: string, url: string, body: unknown) =>
  new Request(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const NOT_FOUND_BODY = { error: { code: 'not_found', message: 'Not found.' } };

beforeAll(seedOrgs);
beforeEach(() => actAs(null));

describe('GET /api/v1/projects', () => {
  it('lists only the caller’s org (look-alike names in both), newest first, with numbers as numbers', async () => {
    owner();
    const res = await list.GET(new Request(`${BASE}?limit=100`));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.nextCursor).toBeNull();
    const names = body.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['Riverside Apartments', 'Hillcrest Retail Center', 'Oak Park School Expansion']),
    );
    for (const p of body.items) {
      expect(p.npdesPermitId ?? 'A').not.toMatch(/B\d+$/); // bolt's permits end in B1xx
      expect(p).not.toHaveProperty('organizationId');
    }
    const riverside = body.items.find((p: { name: string }) => p.name === 'Riverside Apartments');
    expect(riverside).toMatchObject({ address: '100 River Rd, Austin, TX', disturbedAcres: 4, sensitiveWater: true });
  });

  it('pages with a cursor, filters by search and status', async () => {
    viewer();
    const first = await (await list.GET(new Request(`${BASE}?limit=2`))).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (await list.GET(new Request(`${BASE}?limit=2&cursor=${first.nextCursor}`))).json();
    const ids = [...first.items, ...second.items].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.items.length).toBeGreaterThanOrEqual(1);

    const search = await (await list.GET(new Request(`${BASE}?search=hill`))).json();
    expect(search.items.map((p: { npdesPermitId: string }) => p.npdesPermitId)).toEqual(['TXR16B101']);
    const archived = await (await list.GET(new Request(`${BASE}?status=archived`))).json();
    expect(archived.items.every((p: { status: string }) => p.status === 'archived')).toBe(true);
  });

  it('400 naming every bad query parameter', async () => {
    owner();
    const res = await list.GET(new Request(`${BASE}?limit=0&status=gone&cursor=zzz`));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(['cursor', 'limit', 'status']);
  });

  it('401 signed out', async () => {
    expect((await list.GET(new Request(BASE))).status).toBe(401);
  });
});

describe('POST /api/v1/projects', () => {
  it('201 with the project, in the caller’s org, audited with actor, IP and user agent', async () => {
    owner();
    const res = await list.POST(
      json('POST', BASE, {
        name: 'API Yard',
        address: '5 Api St',
        npdesPermitId: 'txr99',
        permitStart: '2026-01-01',
        disturbedAcres: 3.25,
        sensitiveWater: true,
        inspectionSchedule: 'every_7_days',
        organizationId: bolt.id,
      }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      name: 'API Yard',
      npdesPermitId: 'TXR99',
      disturbedAcres: 3.25,
      status: 'active',
      createdBy: 'user_acme_owner',
    });
    expect(await projectRow(acme, body.id)).toMatchObject({ organizationId: acme.id });
    expect(await projectRow(bolt, body.id)).toBeUndefined();
    expect(await auditRowsFor(acme, body.id)).toMatchObject([
      {
        action: 'create',
        entityType: 'project',
        actorUserId: 'user_acme_owner',
        ip: '198.51.100.7',
        userAgent: 'vitest-phone/1.0',
      },
    ]);
  });

  it('400 with every field error, nothing written', async () => {
    owner();
    const before = [await projectCount(acme), await auditCount(acme)];
    const res = await list.POST(
      json('POST', BASE, {
        name: '',
        disturbedAcres: -1,
        permitStart: '2026-05-01',
        permitEnd: '2026-01-01',
        sensitiveWater: 'maybe',
        inspectionSchedule: 'daily',
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual([
      'disturbedAcres',
      'inspectionSchedule',
      'name',
      'permitEnd',
      'sensitiveWater',
    ]);
    expect(body.error.message).toContain('name: Enter the project name.');
    expect((await list.POST(json('POST', BASE, '{not json'))).status).toBe(400);
    expect((await list.POST(json('POST', BASE, '[1]'))).status).toBe(400);
    expect([await projectCount(acme), await auditCount(acme)]).toEqual(before);
  });

  it('403 for crew and viewer, nothing written', async () => {
    const before = [await projectCount(acme), await projectCount(bolt)];
    crew();
    expect((await list.POST(json('POST', BASE, { name: 'Nope' }))).status).toBe(403);
    viewer();
    const res = await list.POST(json('POST', BASE, { name: 'Nope' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: 'forbidden', message: 'You do not have permission to do that.' },
    });
    expect([await projectCount(acme), await projectCount(bolt)]).toEqual(before);
  });
});

describe('GET /api/v1/projects/:id', () => {
  it('200 for own, the same 404 body for another org’s, a missing and a malformed id', async () => {
    owner();
    const mine = await projectNamed(acme, 'Riverside Apartments');
    const theirs = await projectNamed(bolt, 'Riverside Apartments');
    const ok = await one.GET(new Request(`${BASE}/${mine.id}`), params(mine.id));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: mine.id, npdesPermitId: mine.npdesPermitId });
    for (const id of [theirs.id, randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      const res = await one.GET(new Request(`${BASE}/${encodeURIComponent(id)}`), params(id));
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual(NOT_FOUND_BODY);
    }
  });
});

describe('PATCH /api/v1/projects/:id', () => {
  it('changes only the fields sent, audits the diff; status archived is an archive', async () => {
    boltOwner();
    const p = await projectNamed(bolt, 'Oak Park School Expansion');
    const res = await one.PATCH(
      json('PATCH', `${BASE}/${p.id}`, { receivingWater: 'Trinity River', disturbedAcres: '12' }),
      params(p.id),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: p.name,
      address: p.address,
      receivingWater: 'Trinity River',
      disturbedAcres: 12,
    });
    const archived = await one.PATCH(json('PATCH', `${BASE}/${p.id}`, { status: 'archived' }), params(p.id));
    expect(await archived.json()).toMatchObject({ status: 'archived' });
    const audits = await auditRowsFor(bolt, p.id);
    expect(audits.map((a) => a.action).sort()).toEqual(['archive', 'update']);
    const update = audits.find((a) => a.action === 'update')!;
    expect(update).toMatchObject({
      actorUserId: 'user_bolt_owner',
      before: { receivingWater: 'Stone Lake' },
      after: { receivingWater: 'Trinity River' },
    });
    expect(Object.keys(update.after ?? {}).sort()).toEqual(['disturbedAcres', 'receivingWater']);
  });

  it('400 with every field error (unknown keys too), and for a termination before the stored start', async () => {
    owner();
    const p = await projectNamed(acme, 'Hillcrest Retail Center');
    const bad = await one.PATCH(
      json('PATCH', `${BASE}/${p.id}`, { name: ' ', status: 'gone', disturbedAcres: 'x' }),
      params(p.id),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fieldErrors).sort()).toEqual(['disturbedAcres', 'name', 'status']);
    // Next to a valid field, so the 400 comes from the unknown key and not from the empty-patch check.
    const unknown = await one.PATCH(json('PATCH', `${BASE}/${p.id}`, { name: 'Renamed', organizationId: bolt.id }), params(p.id));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain('organizationId');
    expect((await one.PATCH(json('PATCH', `${BASE}/${p.id}`, {}), params(p.id))).status).toBe(400);
    // Seeded permitStart is 2026-03-01: an end before it is refused though the body alone is valid.
    const order = await one.PATCH(json('PATCH', `${BASE}/${p.id}`, { permitEnd: '2026-02-01' }), params(p.id));
    expect(order.status).toBe(400);
    expect((await order.json()).error.fieldErrors).toEqual({
      permitEnd: ['Permit termination must be on or after the coverage start.'],
    });
    expect(await projectRow(acme, p.id)).toEqual(p);
  });

  it('403 for crew; 404 for another org’s id with nothing written and no audit row', async () => {
    const mine = await projectNamed(acme, 'Riverside Apartments');
    crew();
    expect((await one.PATCH(json('PATCH', `${BASE}/${mine.id}`, { name: 'Crew edit' }), params(mine.id))).status).toBe(
      403,
    );
    expect(await projectRow(acme, mine.id)).toEqual(mine);

    owner();
    const theirs = await projectNamed(bolt, 'Riverside Apartments');
    const auditBefore = [await auditCount(acme), await auditCount(bolt)];
    for (const id of [theirs.id, randomUUID(), 'nope']) {
      const res = await one.PATCH(json('PATCH', `${BASE}/${id}`, { name: 'Hijacked' }), params(id));
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual(NOT_FOUND_BODY);
    }
    expect(await projectRow(bolt, theirs.id)).toEqual(theirs);
    expect([await auditCount(acme), await auditCount(bolt)]).toEqual(auditBefore);
  });
});
