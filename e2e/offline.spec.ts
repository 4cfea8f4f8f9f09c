import path from 'node:path';
import { type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { BMP_ITEMS } from './support/epa-checklist';
import { signInAs } from './support/sign-in';

/**
 * A crew member's day without signal, on a phone: after one visit with signal
 * (the service worker installed and the crew's pages kept), the network is
 * cut and every page closed; the app opens again, a new inspection is
 * started, filled and submitted on the device ("1 waiting to send"); the
 * signal comes back, the first answer is lost on the way, the device resends
 * with the same idempotency key, and the inspection is recorded exactly once
 * — which a second device (the inspector's) sees.
 */
test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => !isMobile, 'phone project only');

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `offline-${name}.png`) });
}


/** Waits until the worker kept the crew's pages for this member (cache "brave-pages:<org>:<user>"). */
async function pagesKept(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          const names = (await caches.keys()).filter((n) => n.startsWith('brave-pages:'));
          if (names.length !== 1) return [];
          const keys = await (await caches.open(names[0]!)).keys();
          return keys.map((r) => new URL(r.url).pathname);
        }),
      { timeout: 30_000 },
    )
    .toEqual(expect.arrayContaining(['/dashboard', '/projects', '/inspections', '/inspections/new']));
}

async function closeAll(context: BrowserContext) {
  for (const p of context.pages()) await p.close();
}

test('opens, starts, fills and submits an inspection offline; recorded once when back online', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  const context = page.context();
  const marker = `Offline run ${Date.now()}: re-stake silt fence at the NE corner.`;

  // 1. One visit with signal: the worker installs and keeps the crew's pages.
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await pagesKept(page);
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.ok()).toBe(true);
  expect((await manifest.json()).display).toBe('standalone');
  expect((await page.request.get('/favicon.ico')).ok()).toBe(true);
  await shot(page, info, '01-online-dashboard');

  // 2. No signal; every page closed; the app opened again.
  await context.setOffline(true);
  await closeAll(context);
  const phone = await context.newPage();
  await phone.goto('/dashboard');
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  await shot(phone, info, '02-offline-reopened');

  // 3. Navigate as the crew would: Inspections → New inspection (pages kept by the worker).
  await phone
    .getByRole('navigation', { name: 'Main' })
    .last()
    .getByRole('link', { name: /^Inspect/ })
    .click();
  await expect(phone.getByRole('heading', { name: 'Inspections', level: 1 })).toBeVisible({ timeout: 20_000 });
  await phone.getByRole('link', { name: 'New inspection' }).click();
  await expect(phone.getByRole('heading', { name: 'New inspection', level: 1 })).toBeVisible({ timeout: 20_000 });
  await phone.getByLabel('Project').selectOption({ label: 'Riverside Apartments' });
  await phone.getByText('Routine', { exact: true }).click();
  await shot(phone, info, '03-offline-new-inspection');
  await phone.getByRole('button', { name: 'Start inspection' }).click();
  await expect(phone.getByText('You are offline. Routine inspection at')).toBeVisible();

  // 4. Submitting half a form: the device checks it like the server would.
  await phone.getByRole('button', { name: 'Submit inspection' }).click();
  await expect(phone.getByRole('alert').filter({ hasText: 'Please fix' })).toBeVisible();
  await shot(phone, info, '04-offline-errors');

  await phone.getByLabel('Weather at time of inspection').fill('Overcast, 58°F');
  await phone.getByLabel('Rain gauge reading').fill('0.1');
  await phone.getByRole('group', { name: 'Is a discharge occurring now?' }).getByText('No', { exact: true }).click();
  for (const item of BMP_ITEMS) {
    await phone.getByRole('group', { name: item, exact: true }).getByText('Pass', { exact: true }).click();
  }
  await phone.getByLabel('Conditions requiring corrective action').fill(marker);
  await phone.getByLabel('Areas not inspected and why').fill('None');
  await phone.getByRole('group', { name: 'Inspected by' }).getByLabel('Name').fill('Carlos Cruz');
  await shot(phone, info, '05-offline-filled');
  await phone.getByRole('button', { name: 'Submit inspection' }).click();
  await expect(phone.getByTestId('queued')).toContainText('Saved on this device.');
  await expect(phone.getByTestId('outbox')).toContainText('1 waiting to send');
  await shot(phone, info, '06-offline-queued');

  // 5. Still offline, the app closed and opened again: the queue is still there.
  await closeAll(context);
  const again = await context.newPage();
  await again.goto('/projects');
  await expect(again.getByTestId('outbox')).toContainText('1 waiting to send');
  await shot(again, info, '07-offline-reopened-queue');

  // 6. Signal is back, but the first answer is lost on the way: the device resends the same key.
  let lost = 0;
  let posts = 0;
  await context.route('**/api/v1/inspections/completed', async (route) => {
    posts++;
    if (lost) return route.fallback();
    await route.fetch(); // recorded on the server…
    lost++;
    await route.abort('failed'); // …the phone never hears back
  });
  await context.setOffline(false);
  await expect.poll(() => lost, { timeout: 30_000 }).toBe(1);
  await expect(again.getByTestId('outbox')).toContainText('1 waiting to send');
  await again.getByRole('button', { name: 'Send now' }).click();
  await expect(again.getByTestId('outbox')).toContainText('1 sent', { timeout: 30_000 });
  expect(posts).toBe(2);
  await shot(again, info, '08-online-sent');

  // 7. Recorded exactly once.
  const res = await again.request.get('/api/v1/inspections?status=submitted&limit=100');
  expect(res.ok()).toBe(true);
  const list = (await res.json()) as { items: { id: string; findings: string | null }[] };
  const ours = list.items.filter((i) => i.findings === marker);
  expect(ours).toHaveLength(1);

  // 8. A second device (the inspector's phone) sees it.
  const other = await browser.newContext({ ...info.project.use, baseURL: info.project.use.baseURL });
  const inspector = await other.newPage();
  await signInAs(inspector, 'Ines Ibarra', 'Acme Site Works');
  await inspector.goto(`/inspections/${ours[0]!.id}`);
  await expect(inspector.getByText(marker)).toBeVisible();
  await expect(inspector.getByText('Submitted', { exact: true })).toBeVisible();
  await shot(inspector, info, '09-second-device');
  await other.close();
});

test('sign-out wipes the device: cached pages, drafts and the outbox', async ({ page }) => {
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await pagesKept(page);
  await page.evaluate(() => localStorage.setItem('brave-forms:draft:some-form', '{"values":[]}'));
  await page.getByLabel('Account menu for Carlos Cruz').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect
    .poll(() =>
      page.evaluate(async () => ({
        pages: (await caches.keys()).filter((n) => n.startsWith('brave-pages:')).length,
        stored: Object.keys(localStorage).filter((k) => k.startsWith('brave-forms:')).length,
      })),
    )
    .toEqual({ pages: 0, stored: 0 });
  // Offline now, nothing of Carlos's is served: the offline page instead.
  await page.context().setOffline(true);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await page.context().setOffline(false);
});
