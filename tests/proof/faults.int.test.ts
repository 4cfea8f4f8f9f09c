/**
 * Faults (tests/proof/fault-harness.ts), one entry per external service.
 * PostgreSQL runs on a cluster of its own here, so stopping it can't disturb
 * other test files.
 */
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { auditLog, inspections, memberships, organizations, photos, projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { startLocalDatabase, type LocalDatabase } from '@/scripts/lib/local-database';
import { startLocalS3, type LocalS3 } from '@/scripts/lib/local-s3';
import { actAs } from '@/tests/support/auth-mock';
import { makeJpeg } from '@/tests/support/photo-fixtures';
import { objectExists, postUpload } from '@/tests/support/storage';
import { createStorage, type Storage } from '@/lib/storage/client';
import { startTestRedis, type TestRedis } from '@/tests/support/redis';
import { runFault, type FaultEntry } from './fault-harness';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { tenantRoute } = await import('@/lib/api/tenant-route');
const { createProject } = await import('@/db/queries/projects');
const { requestPhotoUpload } = await import('@/lib/files/request-upload');
const { confirmPhotoUpload } = await import('@/lib/files/confirm-upload');
const { resilient } = await import('@/lib/cache/resilient');
const { upstashClient, upstashStore } = await import('@/lib/cache/stores/upstash');

const dir = path.join('.data/test-pg', `fault-${process.pid}`);
const org = { orgId: 'org_fault', userId: 'user_fault' };
let local: LocalDatabase;
let db: Database;
const globals = globalThis as unknown as { __braveApp?: Database; __braveStorage?: Storage };
let previous: Database | undefined;
let previousStorage: Storage | undefined;
let s3: LocalS3;
/** Uploads whose bytes are in S3 and await their confirm: one per request the harness sends. */
const prepared: { id: string; key: string }[] = [];
let next = 0;

const write = tenantRoute({ permission: 'org:projects:write' }, async (_req, { tx, ctx }) =>
  createProject(tx, { orgId: ctx.orgId, userId: ctx.userId }, { name: 'during an outage' }),
);

/** Projects of the org before the current run (each entry writes some). */
let baseline = 0;
const projectTotal = () =>
  withTenantOn(db, org, async (tx) => (await tx.select({ n: count() }).from(projects).where(eq(projects.organizationId, org.orgId)))[0]!.n);

const postgresEntry: FaultEntry = {
  name: 'PostgreSQL',
  request: () => write(new Request('http://test/api/v1/projects', { method: 'POST' })),
  stop: () => local.server.stop(),
  restart: async () => {
    local = await startLocalDatabase({ dir, ephemeral: true, port: local.server.port, log: () => {} });
  },
  async verifyConsistency(okCount) {
    const [total, a] = await withTenantOn(db, org, async (tx) => [
      (await tx.select({ n: count() }).from(projects).where(eq(projects.organizationId, org.orgId)))[0]!.n,
      (await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, 'project')))[0]!.n,
    ]);
    // Every committed project has its audit row and vice versa.
    if (total !== a) throw new Error(`${total} projects but ${a} audit rows`);
    const p = total - baseline; // the projects of this run

    // A 503 may follow a commit whose reply was lost, never the reverse.
    if (p < okCount || p > okCount + 2) throw new Error(`${p} projects for ${okCount} successful answers`);
  },
};

const confirm = tenantRoute({ permission: 'org:photos:upload' }, async (_req, { tx, ctx }) => {
  const upload = prepared[next++];
  if (!upload) throw new Error('the fault test ran out of prepared uploads');
  await confirmPhotoUpload(tx, { orgId: ctx.orgId, userId: ctx.userId }, upload.id);
  return { ok: true };
});

/** S3 stopped while crews confirm uploads: 503 naming storage, no row stored without its checked object. */
const s3Entry: FaultEntry = {
  name: 'S3',
  request: () => confirm(new Request('http://test/confirm', { method: 'POST' })),
  stop: () => s3.stop(),
  restart: () => s3.restart(),
  async verifyConsistency(okCount) {
    const used = prepared.slice(0, next);
    const rows = await withTenantOn(db, org, (tx) => tx.select().from(photos).where(eq(photos.organizationId, org.orgId)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const stored = used.filter((u) => byId.get(u.id)?.status === 'stored');
    if (stored.length !== okCount) throw new Error(`${stored.length} stored photos for ${okCount} successful confirms`);
    for (const u of stored) if (!(await objectExists(u.key))) throw new Error(`stored photo ${u.id} has no object`);
    // Every upload not stored is still pending and has its cleanup job: nothing unaccounted.
    const jobs = new Set(
      (await db.$client<{ id: string }[]>`select data->>'id' as id from pgboss.job where name = 'files-expire-pending'`).map((j) => j.id),
    );
    for (const u of used.filter((x) => !stored.includes(x))) {
      if (byId.get(u.id)?.status !== 'pending') throw new Error(`upload ${u.id} is ${byId.get(u.id)?.status}, not pending`);
      if (!jobs.has(u.id)) throw new Error(`pending upload ${u.id} has no cleanup job`);
    }
  },
};

/**
 * Redis (the cache, Upstash through the bridge on redis-server) stopped under
 * the same load: every request still succeeds (the org facts come from the
 * database, the write's invalidation is kept for later), one log line, and the
 * cache is used again after the restart.
 */
let redis: TestRedis;
const cacheLog: string[] = [];
const cacheGlobals = globalThis as unknown as { __braveCache?: { store: ReturnType<typeof resilient> | null } };
const redisEntry: FaultEntry = {
  name: 'Redis',
  during: 'served',
  request: () => write(new Request('http://test/api/v1/projects', { method: 'POST' })),
  stop: () => redis.server.stop(),
  restart: () => redis.server.restart(),
  async verifyConsistency(okCount) {
    await postgresEntry.verifyConsistency(okCount);
    if (cacheLog.length !== 1) throw new Error(`${cacheLog.length} cache log lines for one outage`);
    // The breaker's pause, then a request; on a loaded machine the first calls after the restart can
    // still miss the client's 150 ms timeout and re-open the breaker, so give it a few seconds.
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise((r) => setTimeout(r, 300));
      await redisEntry.request();
      if (cacheGlobals.__braveCache?.store?.healthy()) break;
    }
    if (!cacheGlobals.__braveCache?.store?.healthy()) throw new Error('the cache did not come back');
    const keys = await redis.direct.keys(`t:${org.orgId}:*`);
    if (!keys.some((k) => k.endsWith(':org'))) throw new Error(`the org facts are not cached again: ${keys.join(', ')}`);
  },
};
beforeAll(async () => {
  local = await startLocalDatabase({ dir, ephemeral: true, port: 0, log: () => {} });
  db = createDatabase(local.urls.app, { max: 4 });
  await withTenantOn(db, org, async (tx) => {
    await tx.insert(organizations).values({ organizationId: org.orgId, name: 'Fault Co', slug: 'fault' });
    // Writes check the membership row (lib/members/current-membership.ts).
    await tx.insert(memberships).values({ organizationId: org.orgId, userId: org.userId, role: 'owner' });
  });
  previous = globals.__braveApp;
  globals.__braveApp = db; // the door's pool for this file: the cluster we are about to stop
  actAs({ userId: org.userId, orgId: org.orgId, orgSlug: 'fault', role: 'owner' });

  // Storage of its own too, so stopping it can't disturb other files.
  s3 = await startLocalS3({ dir: path.join('.data/test-s3', `fault-${process.pid}`) });
  previousStorage = globals.__braveStorage;
  globals.__braveStorage = createStorage({
    bucket: s3.env.S3_BUCKET!,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID!, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY! },
    sse: null,
  });
  const jpeg = await makeJpeg({ width: 64, height: 48 });
  const inspectionId = await withTenantOn(db, org, async (tx) => {
    // Through createProject (with its audit row): the PostgreSQL entry checks projects against audit rows.
    const project = await createProject(tx, org, { name: 'photo site' });
    const [row] = await tx.insert(inspections).values({ organizationId: org.orgId, projectId: project.id, createdBy: org.userId }).returning({ id: inspections.id });
    return row!.id;
  });
  for (let i = 0; i < 110; i++) {
    const ticket = await withTenantOn(db, org, (tx) =>
      requestPhotoUpload(tx, org, { inspectionId, fileName: `p${i}.jpg`, contentType: 'image/jpeg', sizeBytes: jpeg.length }),
    );
    await postUpload(ticket.upload, jpeg);
    prepared.push({ id: ticket.id, key: ticket.upload.fields.key! });
  }
}, 120_000);

afterAll(async () => {
  globals.__braveApp = previous;
  globals.__braveStorage = previousStorage;
  await s3.stop();
  delete cacheGlobals.__braveCache;
  await redis?.close();
  await db.$pool.end({ timeout: 1 });
  await local.server.stop({ removeData: true });
});

describe('faults', () => {
  // First: it needs a healthy pool, and the PostgreSQL entry leaves some of its connections to reconnect.
  it('Redis stopped under load: every request served, one log line, the cache back after the restart', async () => {
    redis = await startTestRedis();
    cacheGlobals.__braveCache = {
      store: resilient(upstashStore(upstashClient({ url: redis.bridge.url, token: redis.bridge.token, timeoutMs: 150 })), {
        breakMs: 200,
        log: (l) => cacheLog.push(l),
      }),
    };
    baseline = await projectTotal();
    const run = await runFault(redisEntry);
    delete cacheGlobals.__braveCache; // the PostgreSQL entry runs on the default backend
    expect(run.statuses.filter((s) => s !== 200), 'every answer a 200').toEqual([]);
    expect(run.recovered).toBe(true);
  }, 120_000);

  it.each([s3Entry, postgresEntry])('$name stopped under load: 503 during, recovery after, nothing half-written', async (entry) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    baseline = await projectTotal();
    const run = await runFault(entry);
    quiet.mockRestore();
    expect(run.statuses).toContain(503);
    expect(run.statuses.filter((s) => s !== 200 && s !== 503), 'only 200 or 503, never a 500').toEqual([]);
    for (const body of run.unavailableBodies) expect(JSON.parse(body)).toMatchObject({ error: { code: 'unavailable' } });
    if (entry === s3Entry) {
      for (const body of run.unavailableBodies) expect(JSON.parse(body).error.message).toMatch(/File storage is temporarily unavailable/);
    }
    expect(run.recovered).toBe(true);
  }, 120_000);

  it('an outage that takes longer to begin than the load lasts is still seen (a graceful stop under load)', async () => {
    let up = true;
    const slowStop: FaultEntry = {
      name: 'slow stop',
      request: async () => new Response(null, { status: up ? 200 : 503 }),
      // Longer than warmup-free 15 rounds of 20 ms: a fixed-length load would end while the service still answers.
      stop: () => new Promise<void>((r) => setTimeout(() => ((up = false), r()), 1_000)),
      restart: async () => {
        up = true;
      },
      verifyConsistency: async () => {},
    };
    const run = await runFault(slowStop, { warmup: 2 });
    expect(run.statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(2 * 2); // roundsDuring × parallel
    expect(run.recovered).toBe(true);
  });

  it('negative control: the harness reports a service whose outage answers 500', async () => {
    let up = true;
    const broken: FaultEntry = {
      name: 'broken',
      request: async () => new Response(up ? 'ok' : 'boom', { status: up ? 200 : 500 }),
      stop: async () => {
        up = false;
      },
      restart: async () => {
        up = true;
      },
      verifyConsistency: async () => {},
    };
    const run = await runFault(broken, { warmup: 2 });
    expect(run.statuses).toContain(500);
    expect(run.statuses).not.toContain(503);
  });
});
