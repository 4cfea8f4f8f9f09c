/**
 * Faults (tests/proof/fault-harness.ts), one entry per external service.
 * PostgreSQL runs on a cluster of its own here, so stopping it can't disturb
 * other test files.
 */
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { auditLog, organizations, projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { startLocalDatabase, type LocalDatabase } from '@/scripts/lib/local-database';
import { actAs } from '@/tests/support/auth-mock';
import { startTestRedis, type TestRedis } from '@/tests/support/redis';
import { runFault, type FaultEntry } from './fault-harness';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { tenantRoute } = await import('@/lib/api/tenant-route');
const { createProject } = await import('@/db/queries/projects');
const { resilient } = await import('@/lib/cache/resilient');
const { upstashClient, upstashStore } = await import('@/lib/cache/stores/upstash');

const dir = path.join('.data/test-pg', `fault-${process.pid}`);
const org = { orgId: 'org_fault', userId: 'user_fault' };
let local: LocalDatabase;
let db: Database;
const globals = globalThis as unknown as { __braveApp?: Database };
let previous: Database | undefined;

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
    if (p > okCount || p < okCount - 2) throw new Error(`${p} projects for ${okCount} successful answers`);
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
    await new Promise((r) => setTimeout(r, 300)); // the breaker's pause
    await redisEntry.request();
    if (!cacheGlobals.__braveCache?.store?.healthy()) throw new Error('the cache did not come back');
    const keys = await redis.direct.keys(`t:${org.orgId}:*`);
    if (!keys.some((k) => k.endsWith(':org'))) throw new Error(`the org facts are not cached again: ${keys.join(', ')}`);
  },
};
beforeAll(async () => {
  local = await startLocalDatabase({ dir, ephemeral: true, port: 0, log: () => {} });
  db = createDatabase(local.urls.app, { max: 4 });
  await withTenantOn(db, org, (tx) => tx.insert(organizations).values({ organizationId: org.orgId, name: 'Fault Co', slug: 'fault' }));
  previous = globals.__braveApp;
  globals.__braveApp = db; // the door's pool for this file: the cluster we are about to stop
  actAs({ userId: org.userId, orgId: org.orgId, orgSlug: 'fault', role: 'owner' });
}, 60_000);

afterAll(async () => {
  globals.__braveApp = previous;
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

  it.each([postgresEntry])('$name stopped under load: 503 during, recovery after, nothing half-written', async (entry) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    baseline = await projectTotal();
    const run = await runFault(entry);
    quiet.mockRestore();
    expect(run.statuses).toContain(503);
    expect(run.statuses.filter((s) => s !== 200 && s !== 503), 'only 200 or 503, never a 500').toEqual([]);
    for (const body of run.unavailableBodies) expect(JSON.parse(body)).toMatchObject({ error: { code: 'unavailable' } });
    expect(run.recovered).toBe(true);
  }, 120_000);

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
