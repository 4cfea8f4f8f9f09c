/**
 * Subdomain routing in Clerk mode, offline: the real clerkMiddleware with a
 * production-form key and our jwtKey. A member whose session is for another
 * org goes to `/switch-org/<slug>`, where (and only where) Clerk's
 * organizationSyncOptions asks Clerk's Frontend API to activate the org
 * through its handshake; back from it with the org active, on to the page.
 */
import type { NextFetchEvent, NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seedOrganizations } from '@/db/seed-data';
import { mintToken, request, testKeyPair } from '@/tests/support/session-tokens';
import type { Role } from '@/lib/rbac/permissions';
import { testDatabase } from '@/tests/support/database';

const keys = testKeyPair();
const ROOT = 'brave.localhost';
const FAPI = `clerk.${ROOT}`;
Object.assign(process.env, {
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from(`${FAPI}$`).toString('base64')}`,
  CLERK_SECRET_KEY: 'sk_live_subdomain_test',
  CLERK_JWT_KEY: keys.publicPem,
  APP_ORIGINS: `http://${ROOT}:3000`,
  APP_ROOT_DOMAIN: ROOT,
  NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: '1',
  NEXT_PUBLIC_CLERK_KEYLESS_DISABLED: '1',
  CLERK_DISABLE_AUTO_PROXY: '1',
});
delete process.env.AUTH_MODE;
delete process.env.LOCAL_AUTH_KEY_FILE;

const [acme, bolt] = seedOrganizations;
const event = { waitUntil() {}, passThroughOnException() {} } as unknown as NextFetchEvent;
let proxy: (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;

beforeAll(async () => {
  vi.resetModules(); // lib/env must read the env set above
  const { seed } = await import('@/lib/demo/seed');
  await seed(testDatabase.app({ max: 2 }));
  proxy = (await import('@/proxy')).default;
});

const origin = (sub: string) => `http://${sub}.${ROOT}:3000`;
const dana = (sub: string, org: { id: string; slug: string; role: Role }) =>
  mintToken(keys.privateKey, { userId: 'user_dana', org, azp: origin(sub), issuer: `https://${FAPI}` });
const nav = (url: string, s: { token: string; iat: number }) =>
  request(url, { token: s.token, uat: s.iat, navigation: true });

describe('Clerk mode', () => {
  it('a member whose session is for acme, on bolt.<root>: → /switch-org/bolt → Clerk handshake activating bolt', async () => {
    const s = await dana('bolt', { id: acme.id, slug: 'acme', role: 'admin' });
    const first = await proxy(nav(`${origin('bolt')}/projects?page=2`, s), event);
    expect(first.status).toBe(307);
    const to = new URL(first.headers.get('location')!);
    expect(to.origin).toBe(origin('bolt'));
    expect(to.pathname).toBe('/switch-org/bolt');
    expect(to.searchParams.get('redirect_url')).toBe('/projects?page=2');
    expect(first.headers.getSetCookie()).toEqual([]); // nothing minted outside local mode

    const second = await proxy(nav(to.href, s), event);
    expect(second.status).toBe(307);
    const handshake = new URL(second.headers.get('location')!);
    expect(handshake.host).toBe(FAPI);
    expect(handshake.pathname).toBe('/v1/client/handshake');
    expect(handshake.searchParams.get('organization_id')).toBe('bolt');
    expect(handshake.searchParams.get('redirect_url')).toBe(to.href);
  });

  it('back from the handshake with bolt active: on to where the user was going', async () => {
    const s = await dana('bolt', { id: bolt.id, slug: 'bolt', role: 'crew' });
    const r = await proxy(nav(`${origin('bolt')}/switch-org/bolt?redirect_url=%2Fprojects%3Fpage%3D2`, s), event);
    expect(r.status).toBe(307);
    expect(new URL(r.headers.get('location')!).pathname + new URL(r.headers.get('location')!).search).toBe(
      '/projects?page=2',
    );
  });

  it('no handshake anywhere else: a /switch-org path on another subdomain or on the root is an ordinary page', async () => {
    const s = await dana('acme', { id: acme.id, slug: 'acme', role: 'admin' });
    const r = await proxy(nav(`${origin('acme')}/switch-org/bolt`, s), event);
    expect(r.status).toBe(404);
    expect(r.headers.get('location')).toBeNull();
    const onRoot = await mintToken(keys.privateKey, {
      userId: 'user_dana',
      org: { id: acme.id, slug: 'acme', role: 'admin' },
      azp: `http://${ROOT}:3000`,
      issuer: `https://${FAPI}`,
    });
    const root = await proxy(nav(`http://${ROOT}:3000/switch-org/bolt`, onRoot), event);
    expect(root.status).toBe(200); // through to Next (no such page there): not a handshake
    expect(root.headers.get('location')).toBeNull();
  });

  it('a non-member: 404 before any handshake, the same as a nonexistent slug', async () => {
    const crew = (sub: string) =>
      mintToken(keys.privateKey, {
        userId: 'user_acme_crew',
        org: { id: acme.id, slug: 'acme', role: 'crew' },
        azp: origin(sub),
        issuer: `https://${FAPI}`,
      });
    const foreign = await proxy(nav(`${origin('bolt')}/dashboard`, await crew('bolt')), event);
    const missing = await proxy(nav(`${origin('nosuchco')}/dashboard`, await crew('nosuchco')), event);
    expect(foreign.status).toBe(404);
    expect([missing.status, await missing.text()]).toEqual([foreign.status, await foreign.text()]);
  });
});
