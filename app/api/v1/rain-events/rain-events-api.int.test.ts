/** /api/v1/rain-events and /api/v1/rain-events/:id through tenantRoute against the real database. */
import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  acme,
  auditCount,
  auditRowsFor,
  bolt,
  firstRainEvent,
  projectNamed,
  rainCount,
  rainRow,
  REQUEST_HEADERS,
  seedOrgs,
} from '@/app/(app)/projects/_test/support';
import { actAs } from '@/tests/support/auth-mock';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const list = await import('./route');
const one = await import('./[id]/route');

const BASE = 'http://localhost/api/v1/rain-events';
const crew = () => actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' });
const boltViewer = () => actAs({ userId: 'user_bolt_viewer', orgId: bolt.id, orgSlug: 'bolt', role: 'viewer' });
const json = (method: string, url: string, body: unknown) =>
  new Request(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const NOT_FOUND_BODY = { error: { code: 'not_found', message: 'Not found.' } };
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

beforeAll(seedOrgs);
beforeEach(() => actAs(null));

describe('GET /api/v1/rain-events', () => {
  it('lists the caller’s org only, with project names, filtered by project, paged', async () => {
    boltViewer();
    const all = await (await list.GET(new Request(`${BASE}?limit=100`))).json();
    expect(all.items).toHaveLength(3);
    expect(all.items[0]).toMatchObject({ amountInches: expect.any(Number), projectName: expect.any(String) });
    expect(all.items.every((e: object) => !('organizationId' in e))).toBe(true);
    const boltRiverside = await projectNamed(bolt, 'Riverside Apartments');
    const filtered = await (await list.GET(new Request(`${BASE}?projectId=${boltRiverside.id}`))).json();
    expect(filtered.items.map((e: { projectId: string }) => e.projectId)).toEqual([boltRiverside.id]);
    // Another org's project id filters to nothing (not an error that would confirm it exists).
    const acmeRiverside = await projectNamed(acme, 'Riverside Apartments');
    const foreign = await list.GET(new Request(`${BASE}?projectId=${acmeRiverside.id}`));
    expect(await foreign.json()).toEqual({ items: [], nextCursor: null });

    const p1 = await (await list.GET(new Request(`${BASE}?limit=2`))).json();
    const p2 = await (await list.GET(new Request(`${BASE}?limit=2&cursor=${p1.nextCursor}`))).json();
    expect([...p1.items, ...p2.items].map((e: { id: string }) => e.id).sort()).toEqual(
      all.items.map((e: { id: string }) => e.id).sort(),
    );
    expect(p2.nextCursor).toBeNull();
  });

  it('400 for a bad projectId or cursor', async () => {
    crew();
    const res = await list.GET(new Request(`${BASE}?projectId=x&cursor=y`));
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fieldErrors).sort()).toEqual(['cursor', 'projectId']);
  });
});

describe('POST /api/v1/rain-events', () => {
  it('201; crew may record; audited with the actor', async () => {
    crew();
    const p = await projectNamed(acme, 'Hillcrest Retail Center');
    const res = await list.POST(
      json('POST', BASE, { projectId: p.id, amountInches: 1.25, startedAt: hoursAgo(3), source: 'gauge' }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      projectId: p.id,
      amountInches: 1.25,
      source: 'gauge',
      endedAt: null,
      recordedBy: 'user_acme_crew',
    });
    expect(await auditRowsFor(acme, body.id)).toMatchObject([
      {
        action: 'create',
        entityType: 'rain_event',
        actorUserId: 'user_acme_crew',
        ip: '198.51.100.7',
        userAgent: 'vitest-phone/1.0',
      },
    ]);
  });

  it('400 with every field error; nothing written', async () => {
    crew();
    const before = [await rainCount(acme), await auditCount(acme)];
    const res = await list.POST(
      json('POST', BASE, {
        projectId: 12,
        amountInches: 51,
        startedAt: '2026-05-01',
        endedAt: hoursAgo(1),
        source: 'radar',
      }),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['amountInches', 'projectId', 'source', 'startedAt']);
    expect([await rainCount(acme), await auditCount(acme)]).toEqual(before);
  });

  it('403 for a viewer; 404 for another org’s project, nothing written anywhere', async () => {
    const boltP = await projectNamed(bolt, 'Riverside Apartments');
    const before = [await rainCount(acme), await rainCount(bolt), await auditCount(acme), await auditCount(bolt)];
    boltViewer();
    expect(
      (await list.POST(json('POST', BASE, { projectId: boltP.id, amountInches: 1, startedAt: hoursAgo(1) }))).status,
    ).toBe(403);
    crew();
    for (const projectId of [boltP.id, randomUUID()]) {
      const res = await list.POST(json('POST', BASE, { projectId, amountInches: 1, startedAt: hoursAgo(1) }));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(NOT_FOUND_BODY);
    }
    expect([await rainCount(acme), await rainCount(bolt), await auditCount(acme), await auditCount(bolt)]).toEqual(
      before,
    );
  });
});

describe('GET and PATCH /api/v1/rain-events/:id', () => {
  it('GET: own 200; foreign, missing and malformed ids the same 404', async () => {
    crew();
    const mine = await firstRainEvent(acme);
    const res = await one.GET(new Request(`${BASE}/${mine.id}`), params(mine.id));
    expect(await res.json()).toMatchObject({ id: mine.id, amountInches: Number(mine.amountInches) });
    const theirs = await firstRainEvent(bolt);
    for (const id of [theirs.id, randomUUID(), '42']) {
      const r = await one.GET(new Request(`${BASE}/${id}`), params(id));
      expect(r.status, id).toBe(404);
      expect(await r.json()).toEqual(NOT_FOUND_BODY);
    }
  });

  it('PATCH: changes the fields sent, audited; the end is checked against the stored start', async () => {
    crew();
    const mine = await firstRainEvent(acme);
    const res = await one.PATCH(json('PATCH', `${BASE}/${mine.id}`, { amountInches: '2.4' }), params(mine.id));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ amountInches: 2.4, startedAt: mine.startedAt.toISOString() });
    const update = (await auditRowsFor(acme, mine.id)).find((a) => a.action === 'update');
    expect(update).toMatchObject({ actorUserId: 'user_acme_crew', after: { amountInches: '2.40' } });

    const early = new Date(mine.startedAt.getTime() - 3_600_000).toISOString();
    const order = await one.PATCH(json('PATCH', `${BASE}/${mine.id}`, { endedAt: early }), params(mine.id));
    expect(order.status).toBe(400);
    expect((await order.json()).error.fieldErrors).toEqual({ endedAt: ['End must be after the start.'] });
  });

  it('PATCH: every field error, unknown keys (projectId) refused', async () => {
    crew();
    const mine = await firstRainEvent(acme);
    const before = await rainRow(acme, mine.id);
    const bad = await one.PATCH(
      json('PATCH', `${BASE}/${mine.id}`, { amountInches: -2, startedAt: 'later', source: 'x' }),
      params(mine.id),
    );
    expect(Object.keys((await bad.json()).error.fieldErrors).sort()).toEqual(['amountInches', 'source', 'startedAt']);
    // Next to a valid field, so the 400 comes from the unknown key and not from the empty-patch check.
    const move = await one.PATCH(json('PATCH', `${BASE}/${mine.id}`, { amountInches: 1, projectId: randomUUID() }), params(mine.id));
    expect(move.status).toBe(400);
    expect((await move.json()).error.message).toContain('projectId');
    expect(await rainRow(acme, mine.id)).toEqual(before);
  });

  it('PATCH: 403 for a viewer; 404 for another org’s entry, unchanged, no audit row', async () => {
    const theirs = await firstRainEvent(bolt);
    boltViewer();
    expect(
      (await one.PATCH(json('PATCH', `${BASE}/${theirs.id}`, { amountInches: 3 }), params(theirs.id))).status,
    ).toBe(403);
    crew();
    const audits = [await auditCount(acme), await auditCount(bolt)];
    for (const id of [theirs.id, randomUUID(), 'x']) {
      const res = await one.PATCH(json('PATCH', `${BASE}/${id}`, { amountInches: 3 }), params(id));
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual(NOT_FOUND_BODY);
    }
    expect(await rainRow(bolt, theirs.id)).toEqual(theirs);
    expect([await auditCount(acme), await auditCount(bolt)]).toEqual(audits);
  });
});
