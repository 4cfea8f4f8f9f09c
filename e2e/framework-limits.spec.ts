/**
 * What remains the framework's answer after the proxy's screening
 * (docs/architecture.md "Framework limits"): pinned as it is today, so a
 * Next.js upgrade that changes it — for better or worse — fails here and gets
 * looked at.
 */
import { request as http } from 'node:http';
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';

test.skip(({ isMobile }) => isMobile, 'HTTP-level checks: one browser project is enough');

/** A raw request (Playwright's client, like fetch, refuses to send TRACE). */
function raw(baseURL: string, method: string, path: string): Promise<number> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http({ host: url.hostname, port: url.port, path: url.pathname, method }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function signInActionId(request: APIRequestContext) {
  const html = await (await request.get('/sign-in')).text();
  for (const [, src] of html.matchAll(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)) {
    const js = await (await request.get(src!)).text();
    if (!js.includes('signInLocallyAction')) continue;
    const id = /createServerReference\)\("([0-9a-f]{40,42})"[^)]*"signInLocallyAction"/.exec(js)?.[1];
    if (id) return id;
  }
  throw new Error('sign-in action id not found in the page’s chunks');
}

test('TRACE: 500 from Next before the proxy runs (the Fetch API refuses the method)', async ({ baseURL }) => {
  for (const path of ['/', '/dashboard', '/api/health']) {
    expect(await raw(baseURL!, 'TRACE', path), path).toBe(500);
  }
  // Control: the same raw client gets normal answers for normal methods.
  expect(await raw(baseURL!, 'GET', '/api/health')).toBe(200);
});

test('a well-formed argument array with references the decoder cannot resolve: pinned as today', async ({ request, baseURL }) => {
  const id = await signInActionId(request);
  const origin = new URL(baseURL!).origin;
  const post = (body: string) =>
    request.post('/sign-in', { headers: { origin, 'next-action': id, 'content-type': 'text/plain;charset=UTF-8' }, data: body });
  // References to parts a text/plain body cannot have (Map, Set, Blob, a chunk by number): the
  // framework's decoder throws and Next answers 500. Screening them means re-implementing React's
  // reply format in the proxy; left to the framework (docs/architecture.md "Framework limits").
  for (const body of ['["$Q1"]', '["$W1"]', '["$B1"]', '["$h1"]', '["$1"]']) {
    expect((await post(body)).status(), body).toBe(500);
  }
  // Others decode to a value the action refuses with its form error (200).
  for (const body of ['["$@5"]', '["$K1"]', '["$T"]', '["$undefined",{"as":"nobody"}]', '[]']) {
    expect((await post(body)).status(), body).toBe(200);
  }
  // What the proxy screens now never reaches the decoder (it answered 500 for these before).
  for (const body of ['"x"', '5', 'null', 'garbage{']) {
    expect((await post(body)).status(), body).toBe(400);
  }
  // A no-JS multipart post that names no action: Next's own 400.
  const mpa = await request.post('/sign-in', {
    headers: { origin, 'content-type': 'multipart/form-data; boundary=XYZ' },
    data: '--XYZ\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--XYZ--\r\n',
  });
  expect(mpa.status()).toBe(400);
});
