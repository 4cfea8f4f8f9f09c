/**
 * Soak: many tenants, a small pool, high concurrency, injected faults — and
 * every answer must belong to the tenant that asked.
 *
 *   CI (npm test):  SOAK_REQUESTS default 4,000, straight to PostgreSQL and
 *                   through PgBouncer in transaction mode (DATABASE_PREPARE=false)
 *   npm run soak:   1,000,000 requests direct; `-- --pgbouncer` through PgBouncer
 *                   (scripts/soak.ts sets SOAK_REQUESTS and SOAK_ROUTES), prints the leak count
 *
 * Faults: handler exceptions after a query, statement timeouts, requests
 * abandoned mid-flight (the client went away), and probes of other tenants' ids.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { organizations, projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { asUser } from '@/tests/support/auth-mock';
import { testDatabase, type Route } from '@/tests/support/database';

vi.mock('@clerk/nextjs/server', async () => ({ ...(await import('@/tests/support/auth-mock')), clerkClient: () => ({}) }));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { tenantRoute } = await import('@/lib/api/tenant-route');
const { GET: listRoute } = await import('@/app/api/v1/projects/route');
const { GET: getRoute } = await import('@/app/api/v1/projects/[id]/route');
const { flushUsage } = await import('@/lib/usage/request-counter');

const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 4_000);
const TENANTS = Number(process.env.SOAK_TENANTS ?? 200);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 200);
const POOL = 10;
const ROUTES = (process.env.SOAK_ROUTES ?? 'direct,pgbouncer').split(',') as Route[];

type T = { orgId: string; userId: string; projectIds: string[] };
let tenants: T[] = [];
/** The pool the tenants are seeded on; each route below swaps in its own. */
let seedDb: Database;
let db: Database;
const globals = globalThis as unknown as { __braveApp?: Database };
let previous: Database | undefined;
const owner = new Map<string, string>(); // project id → org id

// A handler that reads, then fails: its transaction must roll back and its connection come back clean.
const throwing = tenantRoute({ permission: 'org:data:read' }, async (_req, { tx }) => {
  await tx.select({ id: projects.id }).from(projects).limit(1);
  throw new Error('injected handler failure');
});
// A statement timeout mid-transaction.
const timingOut = tenantRoute({ permission: 'org:data:read' }, async (_req, { tx }) => {
  await tx.execute(sql`set local statement_timeout = 5`);
  await tx.execute(sql`select pg_sleep(0.05)`);
  return { never: true };
});

beforeAll(async () => {
  const db = (seedDb = createDatabase(testDatabase.urls.app, { max: POOL }));
  tenants = Array.from({ length: TENANTS }, (_, i) => ({ orgId: `org_soak_${i}`, userId: `user_soak_${i}`, projectIds: [] }));
  for (let i = 0; i < tenants.length; i += 20) {
    await Promise.all(
      tenants.slice(i, i + 20).map((t) =>
        withTenantOn(db, t, async (tx) => {
          await tx.insert(organizations).values({ organizationId: t.orgId, name: `Soak ${t.orgId}`, slug: t.orgId });
          const rows = await tx
            .insert(projects)
            .values([1, 2, 3].map((n) => ({ organizationId: t.orgId, name: `${t.orgId} site ${n}`, createdBy: t.userId })))
            .returning({ id: projects.id });
          t.projectIds = rows.map((r) => r.id);
          for (const r of rows) owner.set(r.id, t.orgId);
        }),
      ),
    );
  }
  previous = globals.__braveApp;
}, 180_000);

afterAll(async () => {
  globals.__braveApp = previous;
  await seedDb.$pool.end({ timeout: 1 });
});

/** Items in an answer that are not the requester's: the leak count. */
function foreign(t: T, body: unknown): number {
  const text = JSON.stringify(body);
  const ids = text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
  const orgs = text.match(/org_soak_\d+/g) ?? [];
  return ids.filter((id) => owner.has(id) && owner.get(id) !== t.orgId).length + orgs.filter((o) => o !== t.orgId).length;
}

describe.each(ROUTES)(`soak: ${REQUESTS} requests, ${TENANTS} tenants, pool ${POOL}, concurrency ${CONCURRENCY}, %s`, (route) => {
  beforeAll(() => {
    // Every request goes through the door on this 10-connection pool; through PgBouncer as production
    // runs there, DATABASE_PREPARE=false.
    const url = route === 'pgbouncer' ? testDatabase.viaPgBouncer(testDatabase.urls.app) : testDatabase.urls.app;
    db = createDatabase(url, { max: POOL, ...(route === 'pgbouncer' ? { prepare: false } : {}) });
    globals.__braveApp = db;
  });
  afterAll(async () => {
    // The usage counter's buffered rows go out through this pool before it ends, not later through a
    // closed one (or, after the run, into a dropped database).
    await flushUsage();
    globals.__braveApp = previous;
    await db.$pool.end({ timeout: 1 });
  });

  it('every answer belongs to its requester, through faults', async () => {
    // The injected failures are logged by the wrappers as real ones would be: thousands of lines.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    let leaks = 0;
    let served = 0;
    const statuses = new Map<number, number>();
    let next = 0;
    const started = Date.now();

    const one = async () => {
      const t = tenants[Math.floor(Math.random() * tenants.length)]!;
      const other = tenants[Math.floor(Math.random() * tenants.length)]!;
      const roll = Math.random();
      const who = { userId: t.userId, orgId: t.orgId, role: 'viewer' as const };
      let res: Response;
      if (roll < 0.45) res = await asUser(who, () => listRoute(new Request('http://soak.test/api/v1/projects?limit=10'), { params: Promise.resolve({}) }));
      else if (roll < 0.75) {
        const id = roll < 0.6 ? t.projectIds[0]! : other.projectIds[0]!; // own, or another tenant's (must 404)
        res = await asUser(who, () => getRoute(new Request(`http://soak.test/api/v1/projects/${id}`), { params: Promise.resolve({ id }) }));
        if (other !== t && id === other.projectIds[0] && res.status !== 404) leaks++;
      } else if (roll < 0.85) res = await asUser(who, () => throwing(new Request('http://soak.test/x'), { params: Promise.resolve({}) }));
      else if (roll < 0.93) res = await asUser(who, () => timingOut(new Request('http://soak.test/x'), { params: Promise.resolve({}) }));
      else {
        // The client goes away: nobody awaits the answer, the transaction still has to end cleanly.
        void asUser(who, () => listRoute(new Request('http://soak.test/api/v1/projects'), { params: Promise.resolve({}) })).catch(() => {});
        return;
      }
      served++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
      leaks += foreign(t, body);
    };

    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < REQUESTS) await one();
      }),
    );
    // Nothing a request set survives on a pooled connection.
    const leftovers = await Promise.all(
      Array.from({ length: POOL * 2 }, () => db.execute<{ org: string | null }>(sql`select current_setting('app.current_org', true) as org`)),
    );
    quiet.mockRestore();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `soak (${route}): ${REQUESTS} requests in ${seconds.toFixed(1)} s (${Math.round(REQUESTS / seconds)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, leaks: ${leaks}`,
    );
    expect(leaks).toBe(0);
    expect(leftovers.flat().every((r) => !r.org)).toBe(true);
    expect(served).toBeGreaterThan(REQUESTS * 0.8);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => ![200, 404, 500].includes(s))).toEqual([]);
  }, 3_600_000);

  it('negative control: the same check counts a planted cross-tenant answer', () => {
    const [a, b] = tenants as [T, T];
    expect(foreign(a, { items: [{ id: b.projectIds[0], name: `${b.orgId} site 1` }] })).toBe(2);
    expect(foreign(a, { items: [{ id: a.projectIds[0], name: `${a.orgId} site 1` }] })).toBe(0);
  });
});
