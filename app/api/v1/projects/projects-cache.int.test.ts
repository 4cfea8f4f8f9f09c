/**
 * GET /api/v1/projects answers from the tenant's cache (lib/api/tenant-request.ts
 * withCachedTenantRead): a hit runs no transaction, any write of the tenant
 * drops it, and one tenant's answer is never another's.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { projects } from '@/db/schema';
import { acme, bolt, inOrg, REQUEST_HEADERS, seedOrgs } from '@/app/(app)/projects/_test/support';
import { actAs } from '@/tests/support/auth-mock';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const list = await import('./route');

const BASE = 'http://localhost/api/v1/projects';
const owner = () => actAs({ userId: 'user_acme_owner', orgId: acme.id, orgSlug: 'acme', role: 'owner' });
const boltOwner = () => actAs({ userId: 'user_bolt_owner', orgId: bolt.id, orgSlug: 'bolt', role: 'owner' });
type Item = { id: string; name: string };
const names = async (url: string) => ((await (await list.GET(new Request(url))).json()).items as Item[]).map((p) => p.name);

/** Renames a project in the database directly: no request, so nothing invalidates the cache. */
const renameBehindTheCache = (id: string, name: string) =>
  inOrg(acme, (tx) => tx.update(projects).set({ name }).where(eq(projects.id, id)));

beforeAll(seedOrgs);
beforeEach(() => actAs(null));

describe('GET /api/v1/projects from the tenant cache', () => {
  it('serves a repeated query from the cache until a write of the tenant drops it', async () => {
    owner();
    const url = `${BASE}?limit=100&status=active`;
    await names(url); // caches the org's facts
    const before = await names(url); // fills the list's entry
    const res = await list.GET(new Request(url));
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [first] = ((await res.json()).items as Item[]);
    await renameBehindTheCache(first!.id, 'Renamed behind the cache');

    // A hit: the rename is not seen (no query ran) …
    expect(await names(url)).toEqual(before);
    // … negative control: another query is another key, and its fresh read sees the rename.
    expect(await names(`${BASE}?limit=99&status=active`)).toContain('Renamed behind the cache');

    // A write through the API invalidates the tenant: the next read sees both changes.
    const created = await list.POST(
      new Request(BASE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Cache Yard' }) }),
    );
    expect(created.status).toBe(201);
    const after = await names(url);
    expect(after).toContain('Renamed behind the cache');
    expect(after).toContain('Cache Yard');
  });

  it("never answers one tenant with another's entry for the same query", async () => {
    owner();
    const url = `${BASE}?limit=100`;
    await names(url);
    const acmeNames = await names(url);
    boltOwner();
    await names(url);
    const boltNames = await names(url);
    expect(boltNames.length).toBeGreaterThan(0);
    const own = await inOrg(bolt, (tx) => tx.select({ name: projects.name }).from(projects));
    expect(boltNames.sort()).toEqual(own.map((r) => r.name).sort());
    expect(boltNames.sort()).not.toEqual(acmeNames.sort());
  });

  it('answers a bad query with its 400 every time, never from the cache', async () => {
    owner();
    for (let i = 0; i < 3; i++) expect((await list.GET(new Request(`${BASE}?limit=0`))).status).toBe(400);
  });
});
