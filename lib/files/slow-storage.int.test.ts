/**
 * S3 slow or hung (issue 9): a server that accepts the connection and never
 * answers. Stopped S3 (connection refused) is the fault harness's S3 entry
 * (tests/proof/faults.int.test.ts); this is the case a timeout has to catch.
 * Requesting an upload only signs a POST locally (no S3 call), so it succeeds
 * and leaves a pending row with its cleanup job; the confirm (HEAD + ranged GET)
 * must then answer "file storage is temporarily unavailable" within a bound,
 * store nothing, and leave the pending row for its cleanup job.
 */
import net from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, documents, photos } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { STORAGE_UNAVAILABLE_MESSAGE } from '@/lib/api/unavailable';
import { createStorage, type Storage, type StorageConfig } from '@/lib/storage/client';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { requestPhotoUploadAction } = await import('@/app/(app)/photos/actions/request-photo-upload');
const { confirmPhotoUploadAction } = await import('@/app/(app)/photos/actions/confirm-photo-upload');
const { requestDocumentUploadAction } = await import('@/app/(app)/documents/actions/request-document-upload');
const { tenantRoute } = await import('@/lib/api/tenant-route');
const { confirmDocumentUpload } = await import('@/lib/files/confirm-upload');

const TIMEOUT_MS = 300;
/** Two attempts of TIMEOUT_MS plus the SDK's retry pause, with room for a loaded machine. */
const BOUND_MS = 6_000;

/** Accepts every connection and never writes a byte. */
interface HungServer {
  endpoint: string;
  connections: number;
  close(): Promise<void>;
}
async function startHungServer(): Promise<HungServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    hung.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const hung: HungServer = {
    endpoint: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: 0,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  return hung;
}

const globals = globalThis as unknown as { __braveStorage?: Storage };
let previousStorage: Storage | undefined;
let hung: HungServer;
let a: TenantGraph;
const as = () => actAs({ userId: a.userId, orgId: a.orgId, role: 'owner' });

const config = (endpoint: string, over: Partial<StorageConfig> = {}): StorageConfig => ({
  bucket: 'brave-slow',
  region: 'us-east-1',
  endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: 'SLOW', secretAccessKey: 'SLOW' },
  sse: null,
  requestTimeoutMs: TIMEOUT_MS,
  ...over,
});

/** The call's result, or 'still waiting' once `ms` have passed (the test itself stays bounded). */
async function within<T>(ms: number, call: Promise<T>): Promise<{ result: T | 'still waiting'; ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([call, new Promise<'still waiting'>((r) => (timer = setTimeout(() => r('still waiting'), ms)))]);
  clearTimeout(timer);
  return { result, ms: Date.now() - started };
}

async function rowState(table: typeof photos | typeof documents, id: string) {
  return withTenant({ orgId: a.orgId, userId: a.userId }, async (tx) => {
    const [row] = await tx.select({ status: table.status }).from(table).where(and(eq(table.organizationId, a.orgId), eq(table.id, id)));
    const audit = await tx.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.organizationId, a.orgId), eq(auditLog.entityId, id)));
    return { status: row?.status, audit: audit.map((r) => r.action) };
  });
}

const cleanupJobs = async (id: string) =>
  (await testDatabase.sql('superuser')<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'files-expire-pending' and data->>'id' = ${id}`)[0]!.n;

async function requestPhoto(): Promise<string> {
  as();
  const res = await requestPhotoUploadAction(null, { inspectionId: a.keys.inspections, bmpItemKey: 'silt_fence', fileName: 'slow.jpg', contentType: 'image/jpeg', sizeBytes: 1000 });
  if (!res.ok) throw new Error(`request refused: ${JSON.stringify(res)}`);
  return (res.data as { id: string }).id;
}

beforeAll(async () => {
  a = await seedTenant('slow_s3');
  previousStorage = globals.__braveStorage;
});

afterEach(async () => {
  globals.__braveStorage = previousStorage;
  await hung?.close();
});

afterAll(() => {
  globals.__braveStorage = previousStorage;
});

describe('S3 accepts connections and never answers', () => {
  it('a photo confirm answers the storage-unavailable message within the bound; the row stays pending with its cleanup job', async () => {
    hung = await startHungServer();
    globals.__braveStorage = createStorage(config(hung.endpoint));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const id = await requestPhoto();
    expect(hung.connections, 'presigning is local: the request step never calls S3').toBe(0);
    expect(await rowState(photos, id)).toEqual({ status: 'pending', audit: ['create'] });
    expect(await cleanupJobs(id)).toBe(1);

    const { result, ms } = await within(BOUND_MS, confirmPhotoUploadAction(null, { id }));
    const warned = warn.mock.calls.map((c) => String(c[0]));
    warn.mockRestore();
    expect(result).toEqual({ ok: false, formError: STORAGE_UNAVAILABLE_MESSAGE });
    expect(ms, 'it waited for the timeout: not a refused connection').toBeGreaterThanOrEqual(2 * TIMEOUT_MS);
    expect(hung.connections, 'both attempts reached the hung server').toBe(2);
    expect(warned).toEqual([expect.stringMatching(/S3 head failed: .*requestTimeout/)]);
    // Nothing half-written: still pending, no stored-update audit row, the cleanup job still queued.
    expect(await rowState(photos, id)).toEqual({ status: 'pending', audit: ['create'] });
    expect(await cleanupJobs(id)).toBe(1);
  });

  it('a document confirm through a route answers 503 with the same message; nothing stored', async () => {
    hung = await startHungServer();
    globals.__braveStorage = createStorage(config(hung.endpoint));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    as();
    const res = await requestDocumentUploadAction(null, { projectId: a.keys.projects, kind: 'swppp', title: 'SWPPP', fileName: 'swppp.pdf', contentType: 'application/pdf', sizeBytes: 1000 });
    if (!res.ok) throw new Error(JSON.stringify(res));
    const id = (res.data as { id: string }).id;

    const confirm = tenantRoute({ permission: 'org:projects:write' }, async (_req, { tx, ctx }) => confirmDocumentUpload(tx, { orgId: ctx.orgId, userId: ctx.userId }, id));
    const { result, ms } = await within(BOUND_MS, confirm(new Request('http://app.test/confirm', { method: 'POST' })));
    warn.mockRestore();
    if (result === 'still waiting') throw new Error(`no answer within ${BOUND_MS} ms`);
    expect(result.status).toBe(503);
    expect(result.headers.get('retry-after')).toBeTruthy();
    expect(await result.json()).toEqual({ error: { code: 'unavailable', message: STORAGE_UNAVAILABLE_MESSAGE } });
    expect(ms).toBeGreaterThanOrEqual(2 * TIMEOUT_MS);
    expect(await rowState(documents, id)).toEqual({ status: 'pending', audit: ['create'] });
    expect(await cleanupJobs(id)).toBe(1);
    const stored = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from documents where status = 'stored'`));
    expect(stored[0]!.n).toBe(0);
  });
});

describe('negative controls: without a bound that throws, the same confirm hangs', () => {
  async function hangsWith(build: (endpoint: string) => Storage) {
    hung = await startHungServer();
    globals.__braveStorage = build(hung.endpoint);
    const quiet = [vi.spyOn(console, 'warn').mockImplementation(() => {}), vi.spyOn(console, 'error').mockImplementation(() => {})];
    const id = await requestPhoto();
    const pending = confirmPhotoUploadAction(null, { id });
    const { result } = await within(2_500, pending);
    expect(result).toBe('still waiting');
    expect(hung.connections).toBe(1);
    // End the hung call (connection reset, the retry refused) so its transaction closes.
    await hung.close();
    expect(await pending).toEqual({ ok: false, formError: STORAGE_UNAVAILABLE_MESSAGE });
    for (const q of quiet) q.mockRestore();
    expect((await rowState(photos, id)).status).toBe('pending');
  }

  it('S3_REQUEST_TIMEOUT_MS disabled (0): no answer within the bound', async () => {
    await hangsWith((endpoint) => createStorage(config(endpoint, { requestTimeoutMs: 0 })));
  });

  it('the former client options (requestTimeout without throwOnRequestTimeout) only warn and keep waiting', async () => {
    await hangsWith((endpoint) => {
      const storage = createStorage(config(endpoint));
      const c = config(endpoint);
      const client = new S3Client({
        region: c.region,
        endpoint,
        forcePathStyle: true,
        credentials: c.credentials,
        requestHandler: { connectionTimeout: 2_000, requestTimeout: TIMEOUT_MS },
        maxAttempts: 2,
      });
      return { ...storage, client };
    });
  });
});
