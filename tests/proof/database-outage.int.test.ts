/**
 * Faults: PostgreSQL stopped and restarted under load. Requests during the
 * outage answer a clear 503 (never a 500 or a hang), nothing is half-written,
 * and the same pool serves again once the server is back — no restart of the app.
 *
 * Runs on a cluster of its own, so stopping it can't disturb other test files.
 */
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { auditLog, projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { startLocalDatabase, type LocalDatabase } from '@/scripts/lib/local-database';
import { actAs } from '@/tests/support/auth-mock';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { tenantRoute } = await import('@/lib/api/tenant-route');
const { createProject } = await import('@/db/queries/projects');

const dir = path.join('.data/test-pg', `fault-${process.pid}`);
const org = { orgId: 'org_fault', userId: 'user_fault' };
let local: LocalDatabase;
let db: Database;
const globals = globalThis as unknown as { __braveApp?: Database };
let previous: Database | undefined;

const write = tenantRoute({ permission: 'org:projects:write' }, async (req, { tx, ctx }) => {
  const name = new URL(req.url).searchParams.get('name') ?? 'x';
  return createProject(tx, { orgId: ctx.orgId, userId: ctx.userId }, { name });
});

beforeAll(async () => {
  local = await startLocalDatabase({ dir, ephemeral: true, port: 0, log: () => {} });
  db = createDatabase(local.urls.app, { max: 4 });
  await withTenantOn(db, org, async (tx) => {
    const { organizations } = await import('@/db/schema');
    await tx.insert(organizations).values({ organizationId: org.orgId, name: 'Fault Co', slug: 'fault' });
  });
  previous = globals.__braveApp;
  globals.__braveApp = db; // the door's pool for this file: the cluster we are about to stop
  actAs({ userId: org.userId, orgId: org.orgId, orgSlug: 'fault', role: 'owner' });
}, 60_000);

afterAll(async () => {
  globals.__braveApp = previous;
  await db.$pool.end({ timeout: 1 });
  await local.server.stop({ removeData: true });
});

describe('PostgreSQL outage under load', () => {
  it('answers 503 during the outage, recovers by itself, and leaves nothing half-written', async () => {
    const statuses: number[] = [];
    const bodies: string[] = [];
    let n = 0;
    const fire = async () => {
      const res = await write(new Request(`http://test/api/v1/projects?name=p${n++}`, { method: 'POST' }));
      statuses.push(res.status);
      if (res.status !== 200) bodies.push(await res.text());
    };

    await Promise.all(Array.from({ length: 20 }, fire));
    expect(statuses.every((s) => s === 200)).toBe(true);

    // Stop the server while requests keep coming.
    const load = (async () => {
      for (let i = 0; i < 15; i++) {
        await Promise.all([fire(), fire()]);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 60));
    await local.server.stop();
    await load;

    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s !== 200 && s !== 503), 'only 200 or 503, never a 500').toEqual([]);
    for (const body of bodies) expect(JSON.parse(body)).toMatchObject({ error: { code: 'unavailable' } });

    // Back on the same port; the same pool reconnects on its own.
    local = await startLocalDatabase({ dir, ephemeral: true, port: local.server.port, log: () => {} });
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      const res = await write(new Request('http://test/api/v1/projects?name=after', { method: 'POST' }));
      recovered = res.status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(recovered).toBe(true);

    // Every committed project has its audit row and vice versa: no write landed without the other.
    const ok = statuses.filter((s) => s === 200).length + 1;
    const [p, a] = await withTenantOn(db, org, async (tx) => [
      (await tx.select({ n: count() }).from(projects).where(eq(projects.organizationId, org.orgId)))[0]!.n,
      (await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, 'project')))[0]!.n,
    ]);
    expect(p).toBe(a);
    expect(p).toBeLessThanOrEqual(ok); // a 503 may come after a commit whose reply was lost, never the reverse
    expect(p).toBeGreaterThanOrEqual(ok - 2);
  }, 90_000);
});
