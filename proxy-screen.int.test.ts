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
import { mintToken, request, setLocalAuthEnv, testKeyPair } from '@/tests/support/session-tokens';
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
  const { seed } = await import('@/lib/demo/seed');
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
    body: opts.body ?? '[]',
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
    const form = (boundary: string) => `--${boundary}\r\nContent-Disposition: form-data; name="1_as"\r\n\r\nuser_acme_crew\r\n--${boundary}--\r\n`;
    const cases: [Record<string, string>, string][] = [
      [{ 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8' }, '[null,{"as":"user_acme_crew"}]'],
      [{ 'next-action': ACTION_ID, 'content-type': 'multipart/form-data; boundary=----WebKitFormBoundaryabc123' }, form('----WebKitFormBoundaryabc123')],
      [{ 'content-type': 'multipart/form-data; boundary="quoted-boundary"' }, form('quoted-boundary')],
      [{ 'next-action': ACTION_ID, 'content-type': 'text/plain' }, JSON.stringify([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])], // 31 deep
    ];
    for (const [headers, body] of cases) {
      const r = await proxy(post('/projects/new', { ...same, ...headers }, { body }), event);
      expect(passed(r), JSON.stringify(headers)).toBe(true);
    }
    const api = await proxy(post('/api/v1/projects', { ...same, 'content-type': 'multipart/form-data' }), event);
    expect(passed(api)).toBe(true);
  });
});

describe('server-action bodies the framework cannot decode (it answered 500)', () => {
  const same = { origin: 'http://localhost:3000' };
  const action = (headers: Record<string, string>, body: BodyInit, path = '/sign-in') =>
    proxy(post(path, { ...same, 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8', ...headers }, { body, signedIn: false }), event);

  it.each([
    ['not JSON', 'garbage{'],
    ['JSON nested 5,000 deep', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['nested one level too deep', `${'['.repeat(33)}${']'.repeat(33)}`],
    ['invalid UTF-8', new Uint8Array([0x5b, 0xff, 0xfe, 0x5d])],
    ['JSON that is not an argument array (a string)', '"x"'],
    ['JSON that is not an argument array (null)', 'null'],
    ['JSON that is not an argument array (an object)', '{"a":1}'],
  ])('text/plain %s: 400', async (_label, body) => {
    expect((await action({}, body)).status).toBe(400);
  });

  it('broken multipart (fetch action and no-JS form post): 400', async () => {
    const broken = '--XYZ\r\nContent-Disposition: form-data; name="1"\r\n\r\nabc';
    expect((await action({ 'content-type': 'multipart/form-data; boundary=XYZ' }, broken)).status).toBe(400);
    const mpa = await proxy(post('/sign-in', { ...same, 'content-type': 'multipart/form-data; boundary=XYZ' }, { body: '--XYZ\r\nbroken', signedIn: false }), event);
    expect(mpa.status).toBe(400);
  });

  it('over 1 MB without a Content-Length (chunked): 413', async () => {
    const big = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(256 * 1024).fill(0x20));
        c.close();
      },
    });
    const req = request('/sign-in', {
      method: 'POST',
      headers: { ...same, 'next-action': ACTION_ID, 'content-type': 'text/plain' },
      body: big,
    });
    expect((await proxy(req, event)).status).toBe(413);
  });

  it('a Next-Action POST to a page without actions: 405', async () => {
    for (const path of ['/', '/inspect/some-token']) {
      const r = await action({}, '[]', path);
      expect(r.status, path).toBe(405);
    }
  });
});

describe('methods pages do not take', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'PROPFIND'])('%s on a page: 405 (Next rendered the page with 200)', async (method) => {
    for (const path of ['/', '/dashboard', '/sign-in']) {
      const r = await proxy(request(path, { method, ...session, headers: { origin: 'http://localhost:3000' } }), event);
      expect(r.status, path).toBe(405);
    }
  });

  it('negative control: API routes keep their own methods (the handler answers)', async () => {
    const r = await proxy(request('/api/v1/projects/x', { method: 'PATCH', ...session, headers: { origin: 'http://localhost:3000' }, body: '{}' }), event);
    expect(passed(r)).toBe(true);
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
