/**
 * Forged requests against the real server (next start + proxy.ts + route
 * handlers): the CVE-2025-29927 subrequest header, encoded and dotted paths
 * that try to reach a protected route through a public prefix, and org ids
 * smuggled without a session. None may reach tenant data.
 */
import { expect, test } from './support/test';

test.skip(({ isMobile }) => isMobile, 'HTTP-level checks: one browser project is enough');

const PROTECTED = '/api/v1/projects';

const tricks: [string, string, Record<string, string>?][] = [
  ['x-middleware-subrequest (CVE-2025-29927)', PROTECTED, { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }],
  ['x-middleware-subrequest naming proxy', PROTECTED, { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }],
  ['x-middleware-subrequest src path', PROTECTED, { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware' }],
  ['dot segments through a public prefix', '/api/webhooks/../v1/projects'],
  ['encoded dot segments', '/api/webhooks/%2e%2e/v1/projects'],
  ['encoded slash', '/api/webhooks%2F..%2Fv1%2Fprojects'],
  ['double slash', '//api/v1/projects'],
  ['upper case', '/API/V1/PROJECTS'],
  ['encoded letter', '/api/v%31/projects'],
  ['health prefix', '/api/health/../v1/projects'],
  ['inspect prefix', '/inspect/../api/v1/projects'],
  ['trailing dot', '/api/v1/projects.'],
  ['org id smuggled', PROTECTED, { 'x-organization-id': 'org_2acme0000000000000000000', cookie: 'org_id=org_2acme0000000000000000000' }],
];

for (const [label, path, headers] of tricks) {
  test(`signed out, ${label}: no tenant data`, async ({ request, baseURL }) => {
    // Origin + raw path: a relative '//api/…' would be read as another host.
    const res = await request.get(`${new URL(baseURL!).origin}${path}`, { headers, maxRedirects: 0 });
    expect([401, 403, 404, 307, 308, 400]).toContain(res.status());
    const body = await res.text();
    // Seeded project data of either demo company must not appear.
    expect(body).not.toMatch(/Riverside Apartments|TXR15|Austin, TX|Dallas, TX/);
  });
}
