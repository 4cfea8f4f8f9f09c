/**
 * Requests a browser would never send, against the real server (next start +
 * proxy.ts): each defect found by attacking the running app answers a clear
 * 4xx now (never a 500), and the requests that must work still do.
 */
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

test.skip(({ isMobile }) => isMobile, 'HTTP-level checks: one browser project is enough');


/** A server action id of this build (the sign-in form's), read from the page as the browser gets it. */
async function anActionId(request: APIRequestContext) {
  const html = await (await request.get('/sign-in')).text();
  const chunks = [...html.matchAll(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
  for (const src of chunks) {
    const id = /createServerReference\)\("([0-9a-f]{40,42})"/.exec(await (await request.get(src)).text())?.[1];
    if (id) return id;
  }
  return '7f'.repeat(21);
}

test('dynamic pages whose last segment looks like a file: 404 signed in, sign-in signed out (never 500)', async ({ page, request, baseURL }) => {
  for (const path of ['/projects/x.png', '/inspections/x.js', '/violations/x.ico']) {
    const out = await request.get(path, { maxRedirects: 0 });
    expect(out.status(), path).toBe(307);
    expect(out.headers().location).toContain('/sign-in?redirect_url=');
  }
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  for (const path of ['/projects/x.png', '/inspections/x.js', '/violations/x.ico']) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  expect(new URL(baseURL!).origin).toBeTruthy();
});

test('every page’s query parameters are validated: NUL, repeats and junk never 500', async ({ page }) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  const junk = '?search=a%00b&status=%00&cursor=%00&projectId=%00&inspectionId=%00&entityType=%00&actor=%00&action=%00&from=%00&to=%00&kind=%00&reason=%00&page=-1';
  for (const path of ['/dashboard', '/projects', '/inspections', '/violations', '/rain-events', '/audit', '/security', '/violations/new', '/inspections/new', '/projects/new', '/select-org']) {
    for (const q of [junk, '?search=a&search=b&status=active&status=x', `?search=${'x'.repeat(5000)}`]) {
      const r = await page.request.get(`${path}${q}`);
      expect(r.status(), `${path}${q.slice(0, 40)}`).toBe(200);
    }
  }
  // The /projects search says what the API says, inline.
  await page.goto('/projects?search=Riverside%00');
  await expect(page.locator('#project-search-error')).toHaveText('Search can’t contain control characters.');
  await expect(page.getByLabel('Search by name, address or permit ID')).toHaveAttribute('aria-invalid', 'true');
  const api = await page.request.get('/api/v1/projects?search=Riverside%00');
  expect(api.status()).toBe(400);
  expect(JSON.stringify(await api.json())).toContain('Search can’t contain control characters.');
});

test('a cross-origin POST with the session cookie is refused before anything runs; our own origin works', async ({ page, baseURL }) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  const name = `CSRF probe ${Date.now()}`;
  for (const origin of ['https://evil.example', baseURL!.replace('http:', 'https:'), 'null']) {
    const r = await page.request.post('/api/v1/projects', {
      headers: { origin, 'content-type': 'text/plain' },
      data: JSON.stringify({ name, siteAddress: '1 Main St, Austin, TX' }),
    });
    expect(r.status(), origin).toBe(403);
  }
  const list = await page.request.get(`/api/v1/projects?search=${encodeURIComponent(name)}`);
  expect(JSON.stringify(await list.json())).not.toContain(name); // nothing was created
  // Negative control: the same request from our origin is accepted (and validated by the route).
  const own = await page.request.post('/api/v1/projects', {
    headers: { origin: new URL(baseURL!).origin, 'content-type': 'application/json' },
    data: { name: '' },
  });
  expect(own.status()).toBe(400);
});

test('hand-crafted server-action payloads: 4xx from the proxy, also on the public sign-in page', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const id = await anActionId(request);
  const send = (headers: Record<string, string>, data: string | Buffer, path = '/sign-in') =>
    request.post(path, { headers: { origin, 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', ...headers }, data, maxRedirects: 0 });
  const cases: [string, () => ReturnType<typeof send>, number][] = [
    ['non-JSON body', () => send({}, 'garbage{'), 400],
    ['nesting 5,000 deep', () => send({}, `${'['.repeat(5000)}${']'.repeat(5000)}`), 400],
    ['broken multipart', () => send({ 'content-type': 'multipart/form-data; boundary=XYZ' }, '--XYZ\r\nContent-Disposition: form-data; name="1"\r\n\r\nabc'), 400],
    ['multipart without boundary', () => send({ 'content-type': 'multipart/form-data' }, 'x'), 400],
    ['JSON content type', () => send({ 'content-type': 'application/json' }, '[]'), 415],
    ['over 1 MB', () => send({}, Buffer.alloc(1024 * 1024 + 10, 0x20)), 413],
    ['malformed action id', () => send({ 'next-action': '../../x' }, '[]'), 400],
    ['an action POST to the landing page', () => send({}, '[]', '/'), 405],
  ];
  for (const [label, call, status] of cases) {
    expect((await call()).status(), label).toBe(status);
  }
  // Negative control: a well-formed call of the real action is answered by the action (a form error, 200).
  expect((await send({}, '["$undefined",{"as":"nobody"}]')).status()).toBe(200);
});

test('/_next/static/* takes GET and HEAD only; pages refuse PUT/DELETE', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  expect((await request.get(chunk!)).status()).toBe(200);
  for (const method of ['OPTIONS', 'PUT', 'DELETE']) {
    const r = await request.fetch(chunk!, { method });
    expect(r.status(), method).toBe(405);
    expect(r.headers().allow).toBe('GET, HEAD');
  }
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    expect((await request.fetch('/sign-in', { method })).status(), method).toBe(405);
  }
});

test('robots.txt is public; the landing page may be indexed, app pages are noindex', async ({ page, request }) => {
  const robots = await request.get('/robots.txt', { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toMatch(/text\/plain/);
  expect(await robots.text()).toMatch(/Allow: \/\$\s+Disallow: \//);
  await page.goto('/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'index, follow');
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
  expect((await page.request.get('/robots.txt')).status()).toBe(200); // signed in too (it was an HTML 404)
});

test('sign-in with a TAB-smuggled redirect_url stays on our origin', async ({ page, baseURL }) => {
  await page.goto('/sign-in?redirect_url=%2F%09%2Fevil.example');
  await page.getByRole('button', { name: /Sign in as Olivia Owens \(Acme Site Works\)/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});
