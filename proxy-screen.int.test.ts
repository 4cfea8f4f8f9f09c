/**
 * What proxy.ts refuses before Clerk and the framework run
 * (lib/security/request-screen.ts), and the CSP it puts on every response
 * (lib/security/csp.ts): the real proxy, minted session tokens, seeded data.
 * Each refusal has a negative control: the same request without the defect
 * goes through.
 */
import type { NextFetchEvent, NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seedOrganizations } from '@/db/seed-data';
import { mintToken, request, setLocalAuthEnv, testKeyPair } from '@/lib/auth/testing';
import { testDatabase } from '@/tests/support/database';

const keys = testKeyPair();
setLocalAuthEnv(keys.publicPem);

const [acme] = seedOrganizations;
const event = { waitUntil() {}, passThroughOnException() {} } as unknown as NextFetchEvent;
let proxy: (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;
let session: { token: string; uat: number };
const ACTION_ID = '7f'.repeat(21); // the shape of a Next 16 action id (42 hex)

beforeAll(async () => {
  vi.resetModules(); // lib/env must read the env set above
  const { seed } = await import('@/db/seed');
  await seed(testDatabase.app({ max: 2 }));
  proxy = (await import('@/proxy')).default;
  const { token, iat } = await mintToken(keys.privateKey, {
    userId: 'user_acme_owner',
    org: { id: acme!.id, slug: acme!.slug, role: 'owner' },
  });
  session = { token, uat: iat };
});

// Let through: Clerk's pass-through (a 200 without Location, carrying x-middleware-next).
const passed = (res: Response) => res.status === 200 && !res.headers.has('location');

function post(path: string, headers: Record<string, string>, opts: { signedIn?: boolean; method?: string; body?: BodyInit } = {}) {
  return request(path, {
    method: opts.method ?? 'POST',
    headers,
    body: opts.body ?? 'x',
    ...(opts.signedIn === false ? {} : session),
  });
}

describe('origin check on state-changing requests with the session cookie', () => {
  it.each([
    ['another site', 'https://evil.example'],
    ['same host, other scheme', 'https://localhost:3000'],
    ['same host, other port', 'http://localhost:3001'],
    ['a sibling subdomain', 'http://bolt.localhost:3000'],
    ['an opaque origin', 'null'],
  ])('%s: 403 for the JSON API (text/plain too) and for server actions', async (_label, origin) => {
    const api = await proxy(post('/api/v1/projects', { origin, 'content-type': 'text/plain' }, { body: '{"name":"CSRF"}' }), event);
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual({ error: { code: 'forbidden', message: 'Cross-origin request refused.' } });
    const action = await proxy(post('/projects', { origin, 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8' }), event);
    expect(action.status).toBe(403);
    expect(await action.text()).toMatch(/Cross-origin request refused/);
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('%s from another origin: 403', async (method) => {
    const r = await proxy(post('/api/v1/projects/x', { origin: 'https://evil.example' }, { method }), event);
    expect(r.status).toBe(403);
  });

  it('no Origin but Fetch Metadata says another site: 403', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await proxy(post('/api/v1/projects', { 'sec-fetch-site': site, 'content-type': 'application/json' }), event);
      expect(r.status, site).toBe(403);
    }
  });

  it('the sign-in page is covered too (public, but a cookie-carrying POST)', async () => {
    const r = await proxy(post('/sign-in', { origin: 'https://evil.example', 'next-action': ACTION_ID, 'content-type': 'text/plain' }), event);
    expect(r.status).toBe(403);
  });

  describe('negative controls', () => {
    it('the same requests from our own origin pass', async () => {
      const api = await proxy(post('/api/v1/projects', { origin: 'http://localhost:3000', 'content-type': 'text/plain' }), event);
      expect(passed(api)).toBe(true);
      const action = await proxy(
        post('/projects', { origin: 'http://localhost:3000', 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8' }),
        event,
      );
      expect(passed(action)).toBe(true);
    });

    it('behind a TLS proxy, the forwarded scheme is ours', async () => {
      const r = await proxy(
        post('/api/v1/projects', { origin: 'https://localhost:3000', 'x-forwarded-proto': 'https', 'content-type': 'application/json' }),
        event,
      );
      expect(r.status).not.toBe(403);
    });

    it('without the session cookie the origin check does not apply (nothing to forge)', async () => {
      const r = await proxy(post('/api/v1/projects', { origin: 'https://evil.example' }, { signedIn: false }), event);
      expect(r.status).toBe(401); // refused as signed out, by decide()
    });

    it('GET from another origin passes (reads are not state-changing)', async () => {
      const r = await proxy(request('/api/v1/projects', { ...session, headers: { origin: 'https://evil.example' } }), event);
      expect(passed(r)).toBe(true);
    });

    it('no Origin and no Fetch Metadata (not a browser: curl, a script) passes', async () => {
      const r = await proxy(post('/api/v1/projects', { 'content-type': 'application/json' }), event);
      expect(passed(r)).toBe(true);
      const same = await proxy(post('/api/v1/projects', { 'sec-fetch-site': 'same-origin' }), event);
      expect(passed(same)).toBe(true);
    });
  });
});

describe('server-action requests screened by their headers', () => {
  const same = { origin: 'http://localhost:3000' };
  it.each([
    ['a malformed action id', { 'next-action': 'not-an-id!', 'content-type': 'text/plain' }, 400],
    ['an action id of 65 hex digits', { 'next-action': 'a'.repeat(65), 'content-type': 'text/plain' }, 400],
    ['a JSON body', { 'next-action': ACTION_ID, 'content-type': 'application/json' }, 415],
    ['an empty body', { 'next-action': ACTION_ID, 'content-type': 'text/plain', 'content-length': '0' }, 400],
    ['a body over 1 MB', { 'next-action': ACTION_ID, 'content-type': 'text/plain', 'content-length': String(1024 * 1024 + 1) }, 413],
    ['multipart without a boundary', { 'next-action': ACTION_ID, 'content-type': 'multipart/form-data' }, 400],
    ['a no-JS form post without a boundary', { 'content-type': 'multipart/form-data; charset=utf-8' }, 400],
  ])('%s: %s', async (_label, headers, status) => {
    for (const signedIn of [true, false]) {
      for (const path of ['/projects/new', '/sign-in']) {
        const r = await proxy(post(path, { ...same, ...headers }, { signedIn }), event);
        expect(r.status, `${path} signed in: ${signedIn}`).toBe(status);
      }
    }
  });

  it('no content type: 415', async () => {
    // A byte body: a string body would get text/plain from the Request constructor.
    const r = await proxy(post('/projects/new', { ...same, 'next-action': ACTION_ID }, { body: new Uint8Array([120]) }), event);
    expect(r.status).toBe(415);
  });

  it('negative controls: well-formed action requests pass, route handlers are not screened', async () => {
    for (const headers of [
      { 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8' },
      { 'next-action': ACTION_ID, 'content-type': 'multipart/form-data; boundary=----WebKitFormBoundaryabc123' },
      { 'content-type': 'multipart/form-data; boundary="quoted-boundary"' },
    ]) {
      const r = await proxy(post('/projects/new', { ...same, ...headers }), event);
      expect(passed(r), JSON.stringify(headers)).toBe(true);
    }
    const api = await proxy(post('/api/v1/projects', { ...same, 'content-type': 'multipart/form-data' }), event);
    expect(passed(api)).toBe(true);
  });
});

describe('/_next/static/* is files', () => {
  it.each(['OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'])('%s: 405 with Allow', async (method) => {
    const r = await proxy(request('/_next/static/chunks/main.js', { method, body: method === 'OPTIONS' ? undefined : 'x' }), event);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
  });

  it('GET and HEAD pass untouched (no auth, no CSP work)', async () => {
    for (const method of ['GET', 'HEAD']) {
      const r = await proxy(request('/_next/static/chunks/main.js', { method }), event);
      expect(r.headers.get('x-middleware-next')).toBe('1');
      expect(r.headers.has('content-security-policy')).toBe(false);
    }
  });
});

describe('Content-Security-Policy', () => {
  const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

  it('every page response carries a strict nonce policy, and the page renders with the same nonce', async () => {
    const r = await proxy(request('/dashboard', { ...session, navigation: true }), event);
    expect(passed(r)).toBe(true);
    const policy = r.headers.get('content-security-policy');
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const script = /script-src ([^;]+)/.exec(policy!)?.[1] ?? '';
    expect(script.split(' ')).toEqual(expect.arrayContaining(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]));
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:(?!\/\/)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/base-uri 'self'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    // Handed to the page's render (Next reads the nonce from the request's policy).
    expect(r.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(r.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(r.headers.get('x-middleware-override-headers')?.split(',')).toEqual(
      expect.arrayContaining(['content-security-policy', 'x-nonce', 'cookie']),
    );
  });

  it('a fresh nonce per response; public pages, redirects and API answers get the policy too', async () => {
    const a = nonceOf((await proxy(request('/', { navigation: true }), event)).headers.get('content-security-policy'));
    const b = nonceOf((await proxy(request('/', { navigation: true }), event)).headers.get('content-security-policy'));
    expect(a && b && a !== b).toBe(true);
    const redirect = await proxy(request('/projects', { navigation: true }), event);
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('content-security-policy')).toMatch(/'strict-dynamic'/);
    expect((await proxy(request('/inspect/some-token', { navigation: true }), event)).headers.get('content-security-policy')).toMatch(/nonce-/);
  });
});

describe('/robots.txt', () => {
  it('is public (not a sign-in redirect)', async () => {
    expect(passed(await proxy(request('/robots.txt'), event))).toBe(true);
  });
});
