/**
 * POST /api/v1/photos and POST /api/v1/photos/:id/confirm — the offline
 * outbox's photo flow against the real database and the embedded S3: the
 * device's photo id is the row's key, so every resend (lost answers at each
 * step) ends with the photo attached exactly once; a photo id reused for
 * another file, a signed inspection and another tenant's inspection are refused
 * with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { photos } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { makeJpeg } from '@/tests/support/photo-fixtures';
import { postUpload } from '@/tests/support/storage';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { POST: request } = await import('./route');
const { POST: confirm } = await import('./[id]/confirm/route');

let a: TenantGraph;
let b: TenantGraph;
const crew = (t: TenantGraph) => actAs({ userId: t.userId, orgId: t.orgId, role: 'crew' });

const ask = (body: unknown) =>
  request(new Request('http://app.test/api/v1/photos', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
const confirmIt = (id: string) =>
  confirm(new Request(`http://app.test/api/v1/photos/${id}/confirm`, { method: 'POST' }), { params: Promise.resolve({ id }) });

const photosOf = (t: TenantGraph, inspectionId: string) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, (tx) =>
    tx.select().from(photos).where(and(eq(photos.organizationId, t.orgId), eq(photos.inspectionId, inspectionId))),
  );
const photoCount = (t: TenantGraph) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => (await tx.select({ n: count() }).from(photos))[0]!.n);

let jpeg: Uint8Array;
const body = (t: TenantGraph, id: string, over: Record<string, unknown> = {}) => ({
  id,
  inspectionId: t.keys.inspections,
  fileName: 'offline-fence.jpg',
  contentType: 'image/jpeg',
  sizeBytes: jpeg.length,
  ...over,
});

beforeAll(async () => {
  a = await seedTenant('queued_photos_a');
  b = await seedTenant('queued_photos_b');
  jpeg = await makeJpeg({ takenAt: '2026:11:20 09:30:00' });
});

describe('a photo queued offline', () => {
  it('is attached exactly once however often each step is resent', async () => {
    crew(a);
    const id = randomUUID();
    const first = await ask(body(a, id));
    expect(first.status).toBe(201);
    const ticket = (await first.json()) as { id: string; upload: { url: string; fields: Record<string, string> } };
    expect(ticket.id).toBe(id);
    expect(ticket.upload.fields.key).toBe(`tenants/${a.orgId}/photos/${id}/offline-fence.jpg`);
    // The answer was lost: the device asks again with the same id — same row, a fresh POST for the same key.
    const again = await ask(body(a, id));
    expect(again.status).toBe(201);
    const ticket2 = (await again.json()) as typeof ticket;
    expect(ticket2.upload.fields.key).toBe(ticket.upload.fields.key);
    expect(await postUpload(ticket2.upload, jpeg)).toBe(204);

    const confirmed = await confirmIt(id);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ id, inspectionId: a.keys.inspections, bmpItemKey: null, replayed: false });
    // Confirm's answer lost too: a replay, not a 409.
    const confirmedAgain = await confirmIt(id);
    expect(confirmedAgain.status).toBe(200);
    expect(await confirmedAgain.json()).toMatchObject({ id, replayed: true });
    // And the device, unsure, starts over: nothing to upload.
    const afterStored = await ask(body(a, id));
    expect(afterStored.status).toBe(200);
    expect(await afterStored.json()).toEqual({ id, stored: true });

    const rows = (await photosOf(a, a.keys.inspections)).filter((p) => p.fileName === 'offline-fence.jpg');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, status: 'stored' });
  });

  it('the same id for another file is a 409; nothing written', async () => {
    crew(a);
    const id = randomUUID();
    expect((await ask(body(a, id))).status).toBe(201);
    const before = await photoCount(a);
    const other = await ask(body(a, id, { fileName: 'something-else.jpg' }));
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { message: string } }).error.message).toMatch(/already used/);
    expect(await photoCount(a)).toBe(before);
  });

  it("another tenant's inspection is a 404 and nothing is written in either tenant", async () => {
    crew(b);
    const [beforeA, beforeB] = [await photoCount(a), await photoCount(b)];
    const res = await ask(body(a, randomUUID()));
    expect(res.status).toBe(404);
    expect([await photoCount(a), await photoCount(b)]).toEqual([beforeA, beforeB]);
    // Control: the same request on b's own inspection is accepted.
    expect((await ask(body(b, randomUUID()))).status).toBe(201);
  });

  it("another tenant's photo id is not visible: confirming it is a 404", async () => {
    crew(a);
    const id = randomUUID();
    expect((await ask(body(a, id))).status).toBe(201);
    crew(b);
    expect((await confirmIt(id)).status).toBe(404);
  });

  it('an inspection signed meanwhile refuses the photo (409), nothing written', async () => {
    const signed = await seedTenant('queued_photos_signed');
    await withTenant({ orgId: signed.orgId, userId: signed.userId }, (tx) =>
      tx.execute(
        sql`update inspections set status = 'submitted', signed_at = now(), signed_by = ${signed.userId}, signature_name = 'Ines', signature_statement = 'x' where id = ${signed.keys.inspections}`,
      ),
    );
    crew(signed);
    const before = await photoCount(signed);
    const res = await ask(body(signed, randomUUID()));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/signed before this photo/);
    expect(await photoCount(signed)).toBe(before);
  });

  it('a bad id is a 400 naming it', async () => {
    crew(a);
    const res = await ask(body(a, 'not-a-uuid'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('id');
  });
});
