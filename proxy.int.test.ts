/**
 * The real middleware (proxy.ts → clerkMiddleware with our jwtKey) against
 * minted session tokens and a seeded database.
 */
import type { NextFetchEvent, NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { memberships, organizations } from '@/db/schema';
import { seedOrganizations } from '@/db/seed-data';
import type { AuthFields } from '@/lib/auth/tenant-context';
import { mintToken, request, testKeyPair, unsignedToken, setLocalAuthEnv } from '@/tests/support/session-tokens';
import { testDatabase } from '@/tests/support/database';

const keys = testKeyPair();
const otherKeys = testKeyPair();
setLocalAuthEnv(keys.publicPem);

// What decide() received from Clerk's auth(): the org and role Clerk parsed out of the token.
const seen: AuthFields[] = [];
vi.mock('@/lib/auth/proxy-decision', async (importOriginal) => {
  const mod = await importOriginal<typeof import('@/lib/auth/proxy-decision')>();
  return {
    decide: async (auth: AuthFields, req: NextRequest) => {
      seen.push({ userId: auth.userId, orgId: auth.orgId, orgSlug: auth.orgSlug, orgRole: auth.orgRole });
      return mod.decide(auth, req);
    },
  };
});

const [acme, bolt] = seedOrganizations;
const COLD = { id: 'org_2cold0000000000000000000', slug: 'cold' };
const event = { waitUntil() {}, passThroughOnException() {} } as unknown as NextFetchEvent;
let proxy: (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;

beforeAll(async () => {
  vi.resetModules(); // lib/env must read the env set above
  const db = testDatabase.app({ max: 2 });
  const { seed } = await import('@/lib/demo/seed');
  const { withTenantOn } = await import('@/db/tenant');
  await seed(db);
  await withTenantOn(db, { orgId: COLD.id, userId: 'user_cold' }, async (tx) => {
    await tx.insert(organizations).values({ organizationId: COLD.id, name: 'Cold Co', slug: COLD.slug, active: false });
    await tx.insert(memberships).values({ organizationId: COLD.id, userId: 'user_cold', role: 'owner' });
  });
  proxy = (await import('@/proxy')).default;
});

async function run(req: NextRequest) {
  seen.length = 0;
  const res = await proxy(req, event);
  return { res, status: res.status, location: res.headers.get('location'), auth: seen[0] };
}

// Let through: Clerk turns NextResponse.next() into a same-URL rewrite carrying its auth headers.
const passed = (res: Response) => res.status === 200 && !res.headers.has('location');
const crew = { userId: 'user_acme_crew', org: { id: acme.id, slug: acme.slug, role: 'crew' as const } };

describe('valid tokens', () => {
  it('v2: passes with the org and role from the `o` claim', async () => {
    const { token, iat } = await mintToken(keys.privateKey, crew);
    const r = await run(request('/dashboard', { token, uat: iat, navigation: true }));
    expect(passed(r.res)).toBe(true);
    expect(r.auth).toEqual({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', orgRole: 'org:crew' });
  });

  it('v1: passes with the org and role from the org_* claims', async () => {
    const { token, iat } = await mintToken(keys.privateKey, { ...crew, version: 1 });
    const r = await run(request('/api/v1/anything', { token, uat: iat }));
    expect(passed(r.res)).toBe(true);
    expect(r.auth).toMatchObject({ orgId: acme.id, orgRole: 'org:crew' });
  });

  it('a user in two orgs gets the org of the token', async () => {
    const { token, iat } = await mintToken(keys.privateKey, {
      userId: 'user_dana',
      org: { id: bolt.id, slug: 'bolt', role: 'crew' },
    });
    const r = await run(request('/projects', { token, uat: iat, navigation: true }));
    expect(passed(r.res)).toBe(true);
    expect(r.auth).toMatchObject({ userId: 'user_dana', orgId: bolt.id, orgRole: 'org:crew' });
  });

  it('ignores an org id in the query string, a header, a cookie or the body', async () => {
    const { token, iat } = await mintToken(keys.privateKey, crew);
    const r = await run(
      request(`/api/v1/projects?orgId=${bolt.id}&organization_id=${bolt.id}`, {
        token,
        uat: iat,
        method: 'POST',
        headers: { 'x-org-id': bolt.id, 'x-organization-id': bolt.id, 'content-type': 'application/json' },
        cookies: { org_id: bolt.id, __org: bolt.id },
        body: JSON.stringify({ orgId: bolt.id, organizationId: bolt.id }),
      }),
    );
    expect(passed(r.res)).toBe(true);
    expect(r.auth?.orgId).toBe(acme.id);
  });
});

describe('without APP_ROOT_DOMAIN', () => {
  it('subdomains are ignored: the session’s org, whatever the host says', async () => {
    for (const host of ['bolt.brave.localhost:3000', 'nosuchco.brave.localhost:3000', 'a.b.brave.localhost:3000']) {
      const { token, iat } = await mintToken(keys.privateKey, { ...crew, azp: `http://${host}` });
      const r = await run(request(`http://${host}/dashboard`, { token, uat: iat, navigation: true }));
      expect(passed(r.res), host).toBe(true);
      expect(r.auth?.orgId).toBe(acme.id);
      expect(r.res.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('refused tokens', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('expired: a page navigation goes to OUR sign-in (never Clerk handshake) and the cookies are cleared', async () => {
    const { token, iat } = await mintToken(keys.privateKey, { ...crew, now: now() - 3600, ttlSeconds: 60 });
    const r = await run(request('/dashboard', { token, uat: iat, navigation: true }));
    expect(r.status).toBe(307);
    expect(new URL(r.location!).pathname).toBe('/sign-in');
    expect(new URL(r.location!).searchParams.get('redirect_url')).toBe('/dashboard');
    expect(r.res.headers.get('set-cookie')).toMatch(/__session=;/);
  });

  it('expired: an API call gets 401 from Clerk verification', async () => {
    const { token, iat } = await mintToken(keys.privateKey, { ...crew, now: now() - 3600, ttlSeconds: 60 });
    const r = await run(request('/api/v1/projects', { token, uat: iat }));
    expect(r.status).toBe(401);
    expect(r.auth?.userId).toBeNull();
  });

  it('not yet valid (nbf in the future)', async () => {
    const { token, iat } = await mintToken(keys.privateKey, crew, { nbf: now() + 600 });
    expect((await run(request('/api/v1/projects', { token, uat: iat }))).status).toBe(401);
    const page = await run(request('/dashboard', { token, uat: iat, navigation: true }));
    expect(new URL(page.location!).pathname).toBe('/sign-in');
  });

  it.each([
    ['signed with another key', async () => (await mintToken(otherKeys.privateKey, crew)).token],
    [
      'alg: none',
      async () =>
        unsignedToken({
          ...(await import('@/lib/auth/session-token')).sessionClaims({
            ...crew,
            sessionId: 's',
            azp: 'http://localhost:3000',
            ttlSeconds: 600,
          }),
        }),
    ],
    [
      'from another origin (azp)',
      async () => (await mintToken(keys.privateKey, { ...crew, azp: 'https://evil.example' })).token,
    ],
    ['garbage', async () => 'not.a.jwt'],
    [
      // Algorithm confusion: HS256 keyed with the RS256 public key, which an attacker can read.
      'HS256 signed with the public key',
      async () => {
        const { SignJWT } = await import('jose');
        const { sessionClaims } = await import('@/lib/auth/session-token');
        const claims = sessionClaims({ ...crew, sessionId: 's', azp: 'http://localhost:3000', ttlSeconds: 600 });
        return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(keys.publicPem));
      },
    ],
    ['from another issuer', async () => (await mintToken(keys.privateKey, crew, { iss: 'https://evil.clerk.accounts.dev' })).token],
  ])('%s: 401 for the API, sign-in for pages', async (_label, make) => {
    const token = await make();
    const uat = now() - 30;
    const api = await run(request('/api/v1/projects', { token, uat }));
    expect(api.status).toBe(401);
    expect(await api.res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const page = await run(request('/dashboard', { token, uat, navigation: true }));
    expect(page.status).toBe(307);
    expect(new URL(page.location!).pathname).toBe('/sign-in');
  });

  it('no organization (personal account): pages → /select-org, API → 403', async () => {
    const { token, iat } = await mintToken(keys.privateKey, { userId: 'user_dana', org: null });
    const page = await run(request('/dashboard', { token, uat: iat, navigation: true }));
    expect(new URL(page.location!).pathname).toBe('/select-org');
    expect((await run(request('/api/v1/projects', { token, uat: iat }))).status).toBe(403);
    // …but the org picker itself is reachable.
    expect(passed((await run(request('/select-org', { token, uat: iat, navigation: true }))).res)).toBe(true);
  });

  it('an organization our database marks inactive: pages → /select-org?reason=inactive; API → left to tenantRoute', async () => {
    const { token, iat } = await mintToken(keys.privateKey, { userId: 'user_cold', org: { ...COLD, role: 'owner' } });
    const page = await run(request('/dashboard', { token, uat: iat, navigation: true }));
    expect(page.location).toMatch(/\/select-org\?reason=inactive$/);
    // The route's own transaction refuses it with 403 (lib/actions/tenant-action.int.test.ts,
    // "refuses an organization our database marks inactive"): one database check per request.
    const api = await run(request('/api/v1/projects', { token, uat: iat }));
    expect(passed(api.res)).toBe(true);
  });

  it('an organization our database does not know is refused like an inactive one', async () => {
    const { token, iat } = await mintToken(keys.privateKey, {
      userId: 'user_x',
      org: { id: 'org_2nope000000000000000000', slug: 'nope', role: 'owner' },
    });
    const page = await run(request('/dashboard', { token, uat: iat, navigation: true }));
    expect(page.location).toMatch(/\/select-org\?reason=inactive$/);
  });

  it('a role outside our table is refused', async () => {
    const { token, iat } = await mintToken(keys.privateKey, crew, { o: { id: acme.id, slg: 'acme', rol: 'member' } });
    expect((await run(request('/api/v1/projects', { token, uat: iat }))).status).toBe(403);
  });

  it('signed out: pages → /sign-in with the way back, API → 401, public routes pass', async () => {
    const page = await run(request('/projects?page=2', { navigation: true }));
    expect(page.location).toBe('http://localhost:3000/sign-in?redirect_url=%2Fprojects%3Fpage%3D2');
    expect((await run(request('/api/v1/projects'))).status).toBe(401);
    for (const path of ['/', '/sign-in', '/api/health', '/api/webhooks/clerk', '/inspect/abc']) {
      expect(passed((await run(request(path, { navigation: true }))).res), path).toBe(true);
    }
  });
});
