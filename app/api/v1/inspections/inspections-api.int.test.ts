/**
 * /api/v1/inspections through tenantRoute against the real database: list
 * with filters and cursor pagination, create (idempotent), get, patch; 400
 * naming every bad field, 403 without the permission, 404 for malformed,
 * missing and foreign ids alike, with nothing written and no audit row.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import {
  acme,
  auditOf,
  bolt,
  crewA,
  crewB,
  inspectorA,
  seedInspectionFixtures,
  tally,
  viewerB,
} from '@/tests/support/inspection-fixtures';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const list = await import('./route');
const one = await import('./[id]/route');
const { submitInspectionAction } = await import('@/app/(app)/inspections/actions/submit-inspection');

let db: ReturnType<typeof testDatabase.app>;
let acmeProjects: string[];
let boltProjects: string[];

const url = (path: string) => `http://localhost/api/v1/inspections${path}`;
const get = (path = '') => list.GET(new Request(url(path)));
const post = (body: unknown) =>
  list.POST(
    new Request(url(''), {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );
const getOne = (id: string) => one.GET(new Request(url(`/${id}`)), { params: Promise.resolve({ id }) });
const patch = (id: string, body: unknown) =>
  one.PATCH(new Request(url(`/${id}`), { method: 'PATCH', body: JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });

async function created(projectId = acmeProjects[0]!) {
  actAs(crewA);
  const res = await post({ projectId, type: 'routine' });
  expect(res.status).toBe(201);
  return ((await res.json()) as { inspection: { id: string } }).inspection.id;
}

beforeAll(async () => {
  db = testDatabase.app({ max: 2 });
  const f = await seedInspectionFixtures(db);
  acmeProjects = f.acmeProjects;
  boltProjects = f.boltProjects;
});

describe('POST /api/v1/inspections', () => {
  it('creates a draft with its form (201), audited; the same key again returns it (200)', async () => {
    actAs(crewA);
    const idempotencyKey = randomUUID();
    const before = await tally(db, acme.id);
    const res = await post({ projectId: acmeProjects[0], type: 'storm_event', idempotencyKey });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { inspection: { id: string; status: string; type: string }; replayed: boolean };
    expect(body).toMatchObject({ replayed: false, inspection: { status: 'draft', type: 'storm_event' } });
    const again = await post({ projectId: acmeProjects[0], type: 'storm_event', idempotencyKey });
    expect(again.status).toBe(200);
    expect(((await again.json()) as typeof body).inspection.id).toBe(body.inspection.id);
    expect(await tally(db, acme.id)).toEqual({
      inspections: before.inspections + 1,
      submissions: before.submissions + 1,
      audit: before.audit + 2,
    });
    expect((await auditOf(db, acme.id, body.inspection.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('400 lists every bad field; malformed JSON is a 400 too; nothing written', async () => {
    actAs(crewA);
    const before = await tally(db, acme.id);
    const res = await post({ projectId: 'x', type: 'daily', idempotencyKey: '!' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('bad_request');
    for (const field of ['projectId', 'type', 'idempotencyKey']) expect(error.message).toContain(field);
    expect((await post('{not json')).status).toBe(400);
    expect(await tally(db, acme.id)).toEqual(before);
  });

  it('403 for a viewer, 404 for a foreign project; nothing written', async () => {
    actAs(viewerB);
    const beforeB = await tally(db, bolt.id);
    expect((await post({ projectId: boltProjects[0], type: 'routine' })).status).toBe(403);
    actAs(crewB);
    const beforeA = await tally(db, acme.id);
    const res = await post({ projectId: acmeProjects[0], type: 'routine' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Project not found.' } });
    expect(await tally(db, bolt.id)).toEqual(beforeB);
    expect(await tally(db, acme.id)).toEqual(beforeA);
  });
});

describe('GET /api/v1/inspections', () => {
  it("lists only the tenant's inspections, filters by project and status, pages by cursor", async () => {
    const p = acmeProjects[2]!;
    const ids = [await created(p), await created(p), await created(p)];
    actAs(crewA);
    await submitInspectionAction(null, {
      inspectionId: ids[0]!,
      data: (await import('@/tests/support/inspection-fixtures')).completeEpaForm(),
    });

    actAs(viewerB);
    const bolts = (await (await get(`?limit=100`)).json()) as { items: { organizationId: string; id: string }[] };
    expect(bolts.items.length).toBeGreaterThan(0);
    expect(bolts.items.every((i) => i.organizationId === bolt.id)).toBe(true);
    expect(bolts.items.map((i) => i.id)).not.toContain(ids[0]);

    actAs(crewA);
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const res = await get(`?projectId=${p}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string; projectName: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);

    const drafts = (await (await get(`?projectId=${p}&status=draft`)).json()) as {
      items: { id: string; status: string }[];
    };
    expect(drafts.items.every((x) => x.status === 'draft')).toBe(true);
    expect(drafts.items.map((x) => x.id)).not.toContain(ids[0]);
    const submitted = (await (await get(`?projectId=${p}&status=submitted,published`)).json()) as {
      items: { id: string }[];
    };
    expect(submitted.items.map((x) => x.id)).toContain(ids[0]);
  });

  it('400 names every bad query parameter', async () => {
    actAs(crewA);
    const res = await get('?projectId=nope&status=draft,bogus&cursor=zzz&limit=1000');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string } };
    for (const field of ['projectId', 'status', 'cursor', 'limit']) expect(error.message).toContain(field);
  });

  it('401 signed out', async () => {
    actAs(null);
    expect((await get()).status).toBe(401);
  });
});

describe('GET /api/v1/inspections/:id', () => {
  it('returns the inspection with its form and template version', async () => {
    const id = await created();
    actAs(inspectorA);
    const res = await getOne(id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      inspection: { id, status: 'draft' },
      form: {
        status: 'draft',
        templateKey: 'epa_cgp_inspection',
        templateVersion: expect.any(Number),
        data: { inspection_date: expect.any(String) },
      },
    });
  });

  it('404 with one body for malformed, missing and foreign ids', async () => {
    const id = await created();
    actAs(crewB);
    const bodies = [];
    for (const probe of ['not-a-uuid', randomUUID(), id]) {
      const res = await getOne(probe);
      expect(res.status, probe).toBe(404);
      bodies.push(await res.json());
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });
});

describe('PATCH /api/v1/inspections/:id', () => {
  it('changes a draft and mirrors the change into its form, audited', async () => {
    const id = await created();
    actAs(crewA);
    const res = await patch(id, { type: 'final', findings: 'All stabilized', rainGaugeInches: 1.25 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      inspection: { id, type: 'final', findings: 'All stabilized', rainGaugeInches: '1.25' },
    });
    const detail = (await (await getOne(id)).json()) as { form: { data: Record<string, unknown> } };
    // The type lives on the row only (the form asks no type question).
    expect(detail.form.data).toMatchObject({ conditions_requiring_action: 'All stabilized', rain_gauge_inches: 1.25 });
    expect(detail.form.data).not.toHaveProperty('inspection_type');
    expect((await auditOf(db, acme.id, id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('400 lists every bad field, including unknown ones; nothing written', async () => {
    const id = await created();
    actAs(crewA);
    const before = await tally(db, acme.id);
    const res = await patch(id, { type: 'daily', rainGaugeInches: -1, status: 'published' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toContain('type');
    expect(error.message).toContain('rainGaugeInches');
    expect(error.message).toMatch(/status/);
    // An unknown key next to a valid field is refused by the key itself, not by the empty-patch check.
    const unknown = await patch(id, { findings: 'Fine', status: 'published' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('status');
    expect((await patch(id, {})).status).toBe(400);
    expect(await tally(db, acme.id)).toEqual(before);
  });

  it('400 for a type that uses another form (EPA report → OSHA checklist); nothing written', async () => {
    const id = await created();
    actAs(crewA);
    const before = await tally(db, acme.id);
    const res = await patch(id, { type: 'osha_daily' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/another form/);
    expect(await tally(db, acme.id)).toEqual(before);
    // Control: a type of the same form is accepted.
    expect((await patch(id, { type: 'storm_event' })).status).toBe(200);
  });

  it('403 for a viewer; 404 for malformed and foreign ids; 409 once submitted; nothing written', async () => {
    const id = await created();
    actAs(viewerB);
    expect((await patch(id, { findings: 'x' })).status).toBe(403);
    actAs(crewB);
    const [beforeA, beforeB] = [await tally(db, acme.id), await tally(db, bolt.id)];
    expect((await patch(id, { findings: 'pwned' })).status).toBe(404);
    expect((await patch('123', { findings: 'pwned' })).status).toBe(404);
    expect(await tally(db, acme.id)).toEqual(beforeA);
    expect(await tally(db, bolt.id)).toEqual(beforeB);

    actAs(crewA);
    const { completeEpaForm } = await import('@/tests/support/inspection-fixtures');
    await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm() });
    const before = await tally(db, acme.id);
    expect((await patch(id, { findings: 'late edit' })).status).toBe(409);
    expect(await tally(db, acme.id)).toEqual(before);
  });
});
