/**
 * POST /api/v1/inspections/completed (the offline outbox's one request):
 * started and submitted in one transaction, recorded once per idempotency
 * key however often the device resends, a changed or signed record is a
 * clear 409, an invalid form a 422 naming every field with nothing written,
 * another tenant's project a 404.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import {
  acme,
  bolt,
  completeEpaForm,
  crewA,
  crewB,
  inspectorA,
  seedInspectionFixtures,
  tally,
  viewerB,
} from '@/tests/support/inspection-fixtures';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const route = await import('./route');
const one = await import('../[id]/route');
const { signInspectionAction } = await import('@/app/(app)/inspections/actions/sign-inspection');

let db: ReturnType<typeof testDatabase.app>;
let acmeProject: string;
let boltProject: string;

const send = (body: unknown) =>
  route.POST(
    new Request('http://localhost/api/v1/inspections/completed', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );
const item = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  projectId: acmeProject,
  type: 'routine',
  data: completeEpaForm(),
  ...overrides,
});

beforeAll(async () => {
  db = testDatabase.app({ max: 2 });
  const f = await seedInspectionFixtures(db);
  acmeProject = f.acmeProjects[0]!;
  boltProject = f.boltProjects[0]!;
});

describe('POST /api/v1/inspections/completed', () => {
  it('records a submitted inspection (201); resending the same item replays it (200) and writes nothing', async () => {
    actAs(crewA);
    const body = item();
    const before = await tally(db, acme.id);
    const first = await send(body);
    expect(first.status).toBe(201);
    const { inspectionId, replayed } = (await first.json()) as { inspectionId: string; replayed: boolean };
    expect(replayed).toBe(false);
    const after = await tally(db, acme.id);
    expect(after.inspections).toBe(before.inspections + 1);
    expect(after.submissions).toBe(before.submissions + 1);

    for (const _ of [1, 2]) {
      const again = await send(body);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ inspectionId, replayed: true });
    }
    expect(await tally(db, acme.id)).toEqual(after);

    const got = await one.GET(new Request(`http://localhost/api/v1/inspections/${inspectionId}`), {
      params: Promise.resolve({ id: inspectionId }),
    });
    expect(((await got.json()) as { inspection: { status: string } }).inspection.status).toBe('submitted');
  });

  it('control: a new key is a new inspection (the replay above is the key, not a coincidence)', async () => {
    actAs(crewA);
    const body = item();
    const before = await tally(db, acme.id);
    expect((await send(body)).status).toBe(201);
    expect((await send({ ...body, idempotencyKey: randomUUID() })).status).toBe(201);
    expect((await tally(db, acme.id)).inspections).toBe(before.inspections + 2);
  });

  it('the same key with other answers after it was recorded and signed is a 409 with a clear message', async () => {
    actAs(crewA);
    const body = item();
    const res = await send(body);
    const { inspectionId } = (await res.json()) as { inspectionId: string };
    actAs(inspectorA);
    expect(
      (await signInspectionAction(null, { inspectionId, name: 'Ines Ibarra', title: 'CPESC', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' })).ok,
    ).toBe(true);
    actAs(crewA);
    const before = await tally(db, acme.id);
    const changed = await send({ ...body, data: completeEpaForm({ weather: 'Changed on the phone' }) });
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { error: { message: string } }).error.message).toMatch(/already submitted/);
    expect(await tally(db, acme.id)).toEqual(before);
    // The identical resend (its first answer was lost) still just replays.
    expect((await send(body)).status).toBe(200);
  });

  it('an invalid form is a 422 naming every field, and nothing is written', async () => {
    actAs(crewA);
    const before = await tally(db, acme.id);
    const res = await send(item({ data: completeEpaForm({ weather: '', performed_by: undefined }) }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(['weather', 'performed_by']));
    expect(await tally(db, acme.id)).toEqual(before);
  });

  it("another tenant's project is a 404 and writes nothing in either tenant", async () => {
    actAs(crewB);
    const before = [await tally(db, acme.id), await tally(db, bolt.id)];
    const res = await send(item({ projectId: acmeProject }));
    expect(res.status).toBe(404);
    expect([await tally(db, acme.id), await tally(db, bolt.id)]).toEqual(before);
    expect((await send(item({ projectId: boltProject }))).status).toBe(201);
  });

  it('a viewer may not record inspections (403)', async () => {
    actAs(viewerB);
    expect((await send(item({ projectId: boltProject }))).status).toBe(403);
  });
});
