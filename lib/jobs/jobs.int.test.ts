/**
 * Background jobs on pg-boss: enqueued in the same transaction as the write
 * that needs them, run by a real worker connected as brave_app, each inside
 * withTenant for the org its payload names.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { photos } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { makeJpeg } from '@/tests/support/photo-fixtures';
import { objectExists, postUpload } from '@/tests/support/storage';
import { expirePendingUpload, makePhotoThumbnail } from './handlers';
import { JOBS } from './queues';
import { startWorker, type Worker } from './worker';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { requestPhotoUploadAction } = await import('@/app/(app)/photos/actions/request-photo-upload');
const { confirmPhotoUploadAction } = await import('@/app/(app)/photos/actions/confirm-photo-upload');

let a: TenantGraph;
let b: TenantGraph;
type Ticket = { id: string; upload: { url: string; fields: Record<string, string> } };

async function upload(t: TenantGraph, confirm: boolean): Promise<Ticket> {
  actAs({ userId: t.userId, orgId: t.orgId, role: 'crew' });
  const jpeg = await makeJpeg({ width: 1600, height: 1200 });
  const res = await requestPhotoUploadAction(null, { violationId: t.keys.violations, fileName: 'v.jpg', contentType: 'image/jpeg', sizeBytes: jpeg.length });
  if (!res.ok) throw new Error(JSON.stringify(res));
  const ticket = res.data as Ticket;
  await postUpload(ticket.upload, jpeg);
  if (confirm) expect((await confirmPhotoUploadAction(null, { id: ticket.id })).ok).toBe(true);
  return ticket;
}

const photo = (t: TenantGraph, id: string) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => (await tx.select().from(photos).where(and(eq(photos.organizationId, t.orgId), eq(photos.id, id))))[0]);

const jobsFor = async (id: string) => {
  const su = testDatabase.sql('superuser');
  return su<{ name: string; data: { orgId: string }; start_after: Date }[]>`select name, data, start_after from pgboss.job where data->>'id' = ${id}`;
};

beforeAll(async () => {
  a = await seedTenant('jobs_a');
  b = await seedTenant('jobs_b');
});

describe('cleanup of unconfirmed uploads', () => {
  it('requesting an upload enqueues its cleanup an hour out, in the same transaction', async () => {
    const t = await upload(a, false);
    const jobs = await jobsFor(t.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ name: JOBS.expirePendingUpload.name, data: { orgId: a.orgId, kind: 'photos', id: t.id } });
    expect(jobs[0]!.start_after.getTime() - Date.now()).toBeGreaterThan(3500_000);
  });

  it('a refused request leaves no job behind (the enqueue rolled back with it)', async () => {
    actAs({ userId: b.userId, orgId: b.orgId, role: 'crew' });
    const su = testDatabase.sql('superuser');
    const [before] = await su<{ n: number }[]>`select count(*)::int as n from pgboss.job`;
    expect((await requestPhotoUploadAction(null, { violationId: a.keys.violations, fileName: 'v.jpg', contentType: 'image/jpeg', sizeBytes: 10 })).ok).toBe(false);
    const [after] = await su<{ n: number }[]>`select count(*)::int as n from pgboss.job`;
    expect(after!.n).toBe(before!.n);
  });

  it('after the hour a pending row and its object are deleted; a confirmed one is kept', async () => {
    const pending = await upload(a, false);
    const stored = await upload(a, true);
    const later = new Date(Date.now() + 2 * 3600_000);
    // Not yet an hour old: kept.
    expect(await expirePendingUpload({ orgId: a.orgId, kind: 'photos', id: pending.id })).toBe('kept');
    expect(await expirePendingUpload({ orgId: a.orgId, kind: 'photos', id: pending.id }, later)).toBe('deleted');
    expect(await photo(a, pending.id)).toBeUndefined();
    expect(await objectExists(pending.upload.fields.key!)).toBe(false);
    expect(await expirePendingUpload({ orgId: a.orgId, kind: 'photos', id: stored.id }, later)).toBe('kept');
    expect((await photo(a, stored.id))?.status).toBe('stored');
  });

  it("a job naming another org can't touch this org's row (it runs inside withTenant for the org it names)", async () => {
    const pending = await upload(a, false);
    const later = new Date(Date.now() + 2 * 3600_000);
    expect(await expirePendingUpload({ orgId: b.orgId, kind: 'photos', id: pending.id }, later)).toBe('kept');
    expect((await photo(a, pending.id))?.status).toBe('pending');
  });
});

describe('thumbnails and the worker', () => {
  it('the thumbnail handler writes a small WebP next to the photo and counts its bytes', async () => {
    const t = await upload(a, true);
    expect(await makePhotoThumbnail({ orgId: a.orgId, id: t.id })).toBe('made');
    const row = (await photo(a, t.id))!;
    expect(row.thumbnailKey).toBe(`tenants/${a.orgId}/photos/${t.id}/thumb.webp`);
    expect(row.thumbnailBytes).toBeGreaterThan(0);
    expect(row.thumbnailBytes!).toBeLessThan(row.sizeBytes!);
    expect(await makePhotoThumbnail({ orgId: a.orgId, id: t.id })).toBe('skipped');
  });

  let worker: Worker | undefined;
  afterAll(async () => worker?.stop());

  it('a real pg-boss worker (as brave_app) picks up the thumbnail job a confirm enqueued', async () => {
    worker = await startWorker(testDatabase.urls.app, { pollingIntervalSeconds: 0.5, log: () => {} });
    const t = await upload(b, true);
    const deadline = Date.now() + 20_000;
    let row = await photo(b, t.id);
    while (!row?.thumbnailKey && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      row = await photo(b, t.id);
    }
    expect(row?.thumbnailKey).toBe(`tenants/${b.orgId}/photos/${t.id}/thumb.webp`);
    expect(await objectExists(row!.thumbnailKey!)).toBe(true);
    const [role] = await testDatabase.sql('superuser')<{ r: string }[]>`select usename as r from pg_stat_activity where application_name = 'brave-worker' limit 1`;
    expect(role?.r).toBe('brave_app');
  }, 30_000);
});

describe('storage usage', () => {
  it("counts an org's stored bytes (files and thumbnails), not another org's, not pending ones", async () => {
    const { storageBytes } = await import('@/db/queries/files');
    const usage = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => storageBytes(tx, a.orgId));
    const [expected] = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.execute<{ n: string }>(sql`select sum(coalesce(size_bytes, 0) + coalesce(thumbnail_bytes, 0))::text as n from photos where status = 'stored'`),
    );
    expect(usage.photos).toBe(Number(expected!.n));
    expect(usage.photos).toBeGreaterThan(0);
  });
});
