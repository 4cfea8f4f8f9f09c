/**
 * The nonce-based Content-Security-Policy (proxy.ts, lib/security/csp.ts) in
 * a real browser: the app's own scripts run (the page hydrates, nothing is
 * reported), and markup injected into a page cannot run script — an inline
 * <script>, an event-handler attribute, a javascript: URL. Negative control:
 * the same injection runs when the policy header is removed, so the test can
 * tell the two apart.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';

test.skip(({ isMobile }) => isMobile, 'browser-policy checks: one browser project is enough');

/** Collects CSP violation reports of the page (registered before any page script runs). */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

const INJECTED =
  '<script>window.__pwnedInline = true</script>' +
  // alt="": the spec's pages are scanned by axe-core too (e2e/support/test.ts); the attack needs no accessible name.
  '<img src="/nonexistent.png" alt="" onerror="window.__pwnedHandler = true">' +
  '<a id="pwn-link" href="javascript:void (window.__pwnedUrl = true)">x</a>';

/** Serve the landing page with attacker markup in it, as a stored-XSS bug would; `dropCsp`: without the policy. */
async function injectInto(page: Page, dropCsp: boolean) {
  await page.route('**/', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const res = await route.fetch();
    const headers = { ...res.headers() };
    if (dropCsp) delete headers['content-security-policy'];
    // At the end of <body>: React 19 hydration leaves unexpected nodes there alone (inside the app's tree it would replace them).
    const html = (await res.text()).replace('</body>', `${INJECTED}</body>`);
    await route.fulfill({ response: res, headers, body: html });
  });
}

async function pwned(page: Page) {
  await page.locator('#pwn-link').click().catch(() => undefined);
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { inline: Boolean(w.__pwnedInline), handler: Boolean(w.__pwnedHandler), url: Boolean(w.__pwnedUrl) };
  });
}

test('injected inline script, event handler and javascript: URL cannot run', async ({ page }) => {
  const violations = await watchViolations(page);
  await injectInto(page, false);
  const res = await page.goto('/');
  expect(res?.headers()['content-security-policy']).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  await expect(page.locator('#pwn-link')).toHaveCount(1); // the markup is there…
  expect(await pwned(page)).toEqual({ inline: false, handler: false, url: false }); // …and inert
  expect((await violations()).join('\n')).toMatch(/script-src/);
});

test('negative control: without the policy the same injection runs', async ({ page }) => {
  await injectInto(page, true);
  await page.goto('/');
  await expect(page.locator('#pwn-link')).toHaveCount(1);
  await expect.poll(async () => (await pwned(page)).inline).toBe(true);
  expect(await pwned(page)).toMatchObject({ inline: true, handler: true });
});

test('the app’s own scripts run under the policy: pages hydrate, nothing is reported', async ({ page }) => {
  const violations = await watchViolations(page);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  await page.goto('/sign-in');
  // Hydrated: React attached its handlers (a server-rendered page without JS has none of React's props).
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector('form') ?? {}).some((k) => k.startsWith('__react'))))
    .toBe(true);
  await page.getByRole('button', { name: /Sign in as Olivia Owens \(Acme Site Works\)/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const path of ['/projects', '/inspections', '/violations', '/audit', '/security']) {
    const r = await page.goto(path);
    expect(r?.status(), path).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(r?.headers()['content-security-policy'] ?? '')?.[1];
    expect(nonce, path).toBeTruthy();
    // Next put this response's nonce on its scripts.
    expect(await page.locator(`script[nonce]`).count(), path).toBeGreaterThan(0);
  }
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});
