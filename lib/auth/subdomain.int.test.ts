/**
 * Subdomain routing through the real middleware (proxy.ts → clerkMiddleware
 * with our jwtKey), local mode, APP_ROOT_DOMAIN=brave.localhost, seeded
 * database. The subdomain only selects one of the user's own memberships;
 * the session stays the only source of the tenant.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import type { NextFetchEvent, NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { memberships, organizations } from '@/db/schema';
import { seedOrganizations } from '@/db/seed-data';
import { mintToken, request, setLocalAuthEnv, testKeyPair } from '@/tests/support/session-tokens';
import type { AuthFields } from '@/lib/auth/tenant-context';
import type { Role } from '@/lib/rbac/permissions';
import { testDatabase } from '@/tests/support/database';

const keys = testKeyPair();
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'brave-subdomain-')), 'private.pem');
writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
const ROOT = 'brave.localhost';
setLocalAuthEnv(keys.publicPem, { keyFile, rootDomain: ROOT });

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
const db = testDatabase.app({ max: 2 });

beforeAll(async () => {
  vi.resetModules(); // lib/env must read the env set above
  const { seed } = await import('@/lib/demo/seed');
  const { withTenantOn } = await import('@/db/tenant');
  await seed(db);
  await withTenantOn(db, { orgId: COLD.id, userId: 'user_cold' }, async (tx) => {
    await tx.insert(organizations).values({ organizationId: COLD.id, name: 'Cold Co', slug: COLD.slug, active: false });
    await tx.insert(memberships).values({ organizationId: COLD.id, userId: 'user_cold', role: 'owner' });
  });
  proxy = (await import('@/proxy')).default;
});

const origin = (sub?: string) => `http://${sub ? `${sub}.` : ''}${ROOT}:3000`;

async function run(req: NextRequest) {
  seen.length = 0;
  const res = await proxy(req, event);
  return { res, status: res.status, location: res.headers.get('location'), auth: seen[0] };
}

const passed = (res: Response) => res.status === 200 && !res.headers.has('location');

/** A session on host `sub.<root>` (the token's azp is that origin, as the browser there would have). */
async function session(userId: string, org: { id: string; slug: string; role: Role } | null, sub?: string) {
  return mintToken(keys.privateKey, { userId, org, azp: origin(sub), sessionId: 'sess_sub_test' });
}

function page(sub: string | undefined, path: string, s: { token: string; iat: number } | null) {
  return request(`${origin(sub)}${path}`, s ? { token: s.token, uat: s.iat, navigation: true } : { navigation: true });
}
function api(sub: string | undefined, path: string, s: { token: string; iat: number } | null, method = 'GET') {
  return request(`${origin(sub)}${path}`, s ? { token: s.token, uat: s.iat, method } : { method });
}

const acmeCrew = (sub?: string) => session('user_acme_crew', { id: acme.id, slug: acme.slug, role: 'crew' }, sub);
const danaInAcme = (sub?: string) => session('user_dana', { id: acme.id, slug: acme.slug, role: 'admin' }, sub);

/** Set-Cookie values by name. */
function setCookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

describe('a member on their own organization’s subdomain', () => {
  it('passes with that org (page and API)', async () => {
    const s = await acmeCrew('acme');
    const p = await run(page('acme', '/dashboard', s));
    expect(passed(p.res)).toBe(true);
    expect(p.auth).toMatchObject({ userId: 'user_acme_crew', orgId: acme.id, orgRole: 'org:crew' });
    const a = await run(api('acme', '/api/v1/projects', s));
    expect(passed(a.res)).toBe(true);
    expect(a.auth?.orgId).toBe(acme.id);
  });

  it('upper-case host names are the same subdomain', async () => {
    const s = await acmeCrew('acme');
    const r = await run(
      request(`${origin('acme')}/dashboard`, {
        token: s.token,
        uat: s.iat,
        navigation: true,
        headers: { host: `ACME.BRAVE.LOCALHOST:3000` },
      }),
    );
    expect(passed(r.res)).toBe(true);
  });
});

describe('a member of two organizations whose session is for the other one', () => {
  it('a page navigation is switched: a new local session for bolt and a redirect to the same URL', async () => {
    const s = await danaInAcme('bolt');
    const r = await run(page('bolt', '/projects?page=2', s));
    expect(r.status).toBe(307);
    expect(r.location).toBe(`${origin('bolt')}/projects?page=2`);
    const cookies = setCookies(r.res);
    const claims = decodeJwt(cookies.__session!);
    expect(claims).toMatchObject({
      sub: 'user_dana',
      sid: 'sess_sub_test',
      azp: origin('bolt'),
      o: { id: bolt.id, slg: 'bolt', rol: 'crew' },
    });
    expect(cookies.__client_uat).toBe(String(claims.iat));
    expect(r.res.headers.getSetCookie().join('\n')).toMatch(/__session=[^;]+;.*HttpOnly/i);

    // Following the redirect with the new cookies: through, as bolt, with Dana's bolt role (crew, not acme's admin).
    const next = await run(
      page('bolt', '/projects?page=2', { token: cookies.__session!, iat: Number(cookies.__client_uat) }),
    );
    expect(passed(next.res)).toBe(true);
    expect(next.auth).toMatchObject({ userId: 'user_dana', orgId: bolt.id, orgSlug: 'bolt', orgRole: 'org:crew' });
  });

  it('a signed-in user with no active organization is switched to the subdomain’s org', async () => {
    const s = await session('user_dana', null, 'bolt');
    const r = await run(page('bolt', '/dashboard', s));
    expect(r.status).toBe(307);
    expect(decodeJwt(setCookies(r.res).__session!)).toMatchObject({ o: { id: bolt.id } });
  });

  it('API calls and POSTs are refused (403), never run in the other org, no cookie minted', async () => {
    const s = await danaInAcme('bolt');
    for (const req of [api('bolt', '/api/v1/projects', s), api('bolt', '/projects', s, 'POST')]) {
      const r = await run(req);
      expect(r.status).toBe(403);
      expect(await r.res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
      expect(r.res.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('not one of your organizations: one answer', () => {
  async function answer(sub: string, kind: 'page' | 'api') {
    const s = await acmeCrew(sub);
    const r = await run(kind === 'page' ? page(sub, '/dashboard', s) : api(sub, '/api/v1/projects', s));
    return {
      status: r.status,
      body: await r.res.text(),
      type: r.res.headers.get('content-type'),
      cookies: r.res.headers.getSetCookie(),
      location: r.location,
    };
  }

  it('another company’s subdomain and a nonexistent one: the same 404 (status, type, body), no cookies', async () => {
    for (const kind of ['page', 'api'] as const) {
      const foreign = await answer('bolt', kind);
      const missing = await answer('nosuchco', kind);
      expect(foreign.status).toBe(404);
      expect(foreign).toEqual(missing);
      expect(foreign.cookies).toEqual([]);
      expect(foreign.location).toBeNull();
    }
    expect((await answer('bolt', 'api')).body).toBe(
      JSON.stringify({ error: { code: 'not_found', message: 'Not found.' } }),
    );
  });

  it('the miss is recorded in the user’s own org as a possible TENANT_BREACH_ATTEMPT', async () => {
    await answer('bolt', 'api');
    const { withTenantOn } = await import('@/db/tenant');
    const { listSecurityEvents } = await import('@/db/queries/security-events');
    const events = await withTenantOn(db, { orgId: acme.id, userId: 'user_acme_crew' }, (tx) =>
      listSecurityEvents(tx, acme.id, { kind: 'TENANT_BREACH_ATTEMPT', limit: 50 }),
    );
    expect(
      events.some((e) => (e.details as { subdomain?: string }).subdomain === 'bolt' && e.userId === 'user_acme_crew'),
    ).toBe(true);
  });

  it('an inactive org the user belongs to is refused like on the root', async () => {
    const s = await session('user_cold', { id: COLD.id, slug: COLD.slug, role: 'owner' }, 'cold');
    expect((await run(page('cold', '/dashboard', s))).location).toMatch(/\/select-org\?reason=inactive$/);
    expect((await run(api('cold', '/api/v1/projects', s))).status).toBe(403);
  });
});

describe('signed out on a subdomain: sign-in first, nothing looked up', () => {
  it('an existing and a nonexistent slug both go to sign-in (API: 401); public routes pass', async () => {
    for (const sub of ['acme', 'nosuchco']) {
      const p = await run(page(sub, '/projects', null));
      expect(p.status).toBe(307);
      expect(p.location).toBe(`${origin(sub)}/sign-in?redirect_url=%2Fprojects`);
      expect((await run(api(sub, '/api/v1/projects', null))).status).toBe(401);
      for (const path of ['/', '/sign-in', '/api/health'])
        expect(passed((await run(page(sub, path, null))).res), `${sub}${path}`).toBe(true);
    }
  });

  it('identity routes need no organization on a subdomain either', async () => {
    const s = await acmeCrew('bolt');
    expect(passed((await run(page('bolt', '/select-org', s))).res)).toBe(true);
  });
});

describe('the root domain works as before', () => {
  it.each([undefined, 'www'])('%s', async (sub) => {
    const s = await acmeCrew(sub);
    const r = await run(page(sub, '/dashboard', s));
    expect(passed(r.res)).toBe(true);
    expect(r.auth?.orgId).toBe(acme.id);
    expect((await run(page(sub, '/dashboard', null))).location).toBe(
      `${origin(sub)}/sign-in?redirect_url=%2Fdashboard`,
    );
  });
});

describe('odd host names: 404, never 500', () => {
  // No organization can be called this: 404 for everyone, signed in or not, before anything is looked up.
  const odd = ['a.b', 'acme.bolt', '-acme', 'acme-', 'ac_me', 'a'.repeat(64), '%61c_me', 'ac%5Fme'];
  it.each(odd)('%s.<root>', async (sub) => {
    for (const s of [await acmeCrew(sub), null]) {
      const r = await run(
        request(`${origin()}/dashboard`, {
          token: s?.token,
          uat: s?.iat,
          navigation: true,
          headers: { host: `${sub}.${ROOT}:3000` },
        }),
      );
      expect(r.status, sub).toBe(404);
    }
  });

  it('a well-formed but unknown name (punycode, percent-encoded letters) is an unknown slug: 404 signed in', async () => {
    for (const [sub, host] of [
      ['xn--caf-dma', 'xn--caf-dma'],
      ['acme-x', '%61cme-x'],
    ] as const) {
      const s = await acmeCrew(sub);
      const r = await run(
        request(`${origin()}/dashboard`, {
          token: s.token,
          uat: s.iat,
          navigation: true,
          headers: { host: `${host}.${ROOT}:3000` },
        }),
      );
      expect(r.status, host).toBe(404);
    }
  });

  it('an odd /switch-org path is not a switch', async () => {
    const s = await acmeCrew('acme');
    for (const p of ['/switch-org/..%2Fbolt', '/switch-org/BOLT', '/switch-org/bolt']) {
      const r = await run(page('acme', `${p}?redirect_url=%2Fdashboard`, s));
      // Not a switch (the slug isn't this subdomain's): an ordinary page request in acme, or 404.
      expect([200, 404]).toContain(r.status);
      expect(r.location).toBeNull();
    }
  });
});
