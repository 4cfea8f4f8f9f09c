import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import sharp from 'sharp';
import { BMP_ITEMS } from './support/epa-checklist';
import { signInAs } from './support/sign-in';

/**
 * A photo taken without signal: the crew member fills a new inspection
 * offline and takes a photo for it; the photo is kept on the device
 * (IndexedDB) with a visible state; back online, the inspection is sent, then
 * the photo through the presigned upload — and the first answer of its
 * confirm is lost on the way, so the device sends it again. The photo is
 * attached to the inspection exactly once.
 */
test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => !isMobile, 'phone project only');

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `offline-photo-${name}.png`) });
}


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
    .toEqual(expect.arrayContaining(['/inspections/new']));
}

test('a photo taken offline is kept, sent after its inspection and attached exactly once', async ({ page }, info) => {
  test.setTimeout(180_000);
  const context = page.context();
  const marker = `Offline photo run ${Date.now()}`;
  const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#6b8e23' } })
    .jpeg({ quality: 85 })
    .toBuffer();

  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await pagesKept(page);

  // 1. No signal: a new inspection with a photo, filled on the device.
  await context.setOffline(true);
  await page.goto('/inspections/new');
  await page.getByLabel('Project').selectOption({ label: 'Riverside Apartments' });
  await page.getByText('Routine', { exact: true }).click();
  await page.getByRole('button', { name: 'Start inspection' }).click();
  await expect(page.getByText('You are offline. Routine inspection at')).toBeVisible();
  await page.getByRole('group', { name: 'Inspected by' }).getByLabel('Name').fill('Carlos Cruz');
  await page.getByLabel('Weather at time of inspection').fill('Overcast, 58°F');
  await page.getByRole('group', { name: 'Is a discharge occurring now?' }).getByText('No', { exact: true }).click();
  for (const item of BMP_ITEMS) {
    await page.getByRole('group', { name: item, exact: true }).getByText('Pass', { exact: true }).click();
  }
  await page.getByLabel('Conditions requiring corrective action').fill(marker);
  await page.getByLabel('Choose photos for Photos').setInputFiles({ name: 'north-fence.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(page.getByTestId('kept-photo')).toHaveCount(1);
  await expect(page.getByTestId('kept-photo')).toContainText('Kept on this device');
  await page.getByTestId('kept-photo').scrollIntoViewIfNeeded();
  await shot(page, info, '01-kept');
  await page.getByRole('button', { name: 'Submit inspection' }).click();
  await expect(page.getByTestId('queued')).toContainText('Saved on this device.');
  const photoRow = page.getByTestId('queued-photos').getByRole('listitem');
  await expect(photoRow).toContainText('north-fence.jpg');
  await expect(photoRow).toContainText('Waiting to send (after its inspection)');
  await expect(page.getByTestId('outbox')).toContainText('1 waiting to send');
  await shot(page, info, '02-queued');

  // The photo is in IndexedDB, under this member's scope.
  const kept = await page.evaluate(
    () =>
      new Promise<{ scope: string; name: string }[]>((resolve) => {
        const req = indexedDB.open('brave-forms-photos');
        req.onsuccess = () => {
          const all = req.result.transaction('photos').objectStore('photos').getAll();
          all.onsuccess = () => resolve((all.result as { scope: string; name: string }[]).map(({ scope, name }) => ({ scope, name })));
        };
      }),
  );
  expect(kept).toEqual([{ scope: expect.stringMatching(/.+:user_acme_crew$/), name: 'north-fence.jpg' }]);

  // 2. Signal back; the confirm's first answer never reaches the phone.
  let confirms = 0;
  let photoRequests = 0;
  await context.route('**/api/v1/photos', async (route) => {
    photoRequests++;
    await route.fallback();
  });
  await context.route('**/api/v1/photos/*/confirm', async (route) => {
    confirms++;
    if (confirms > 1) return route.fallback();
    await route.fetch(); // the server confirms the photo…
    await route.abort('failed'); // …the phone never hears back
  });
  await context.setOffline(false);
  await expect(page.getByTestId('outbox')).toContainText('1 sent', { timeout: 30_000 });
  await expect.poll(() => confirms, { timeout: 30_000 }).toBe(1);
  await shot(page, info, '03-photo-answer-lost');
  // The device retries on its own (every 20 s while something waits): the server already has the
  // photo under the device's id, answers "stored", and nothing is uploaded or confirmed again.
  await expect(page.getByTestId('outbox')).toContainText('1 photo attached', { timeout: 60_000 });
  await expect(page.getByTestId('queued-photos')).toHaveCount(0);
  expect(photoRequests).toBe(2);
  expect(confirms).toBe(1);
  await shot(page, info, '04-attached');

  // 3. On the inspection: the photo, once.
  const res = await page.request.get('/api/v1/inspections?status=submitted&limit=100');
  const list = (await res.json()) as { items: { id: string; findings: string | null }[] };
  const ours = list.items.filter((i) => i.findings === marker);
  expect(ours).toHaveLength(1);
  await page.goto(`/inspections/${ours[0]!.id}`);
  const grid = page.getByRole('list', { name: 'Photos' });
  await expect(grid.getByRole('img', { name: 'Photo north-fence.jpg' })).toHaveCount(1);
  await grid.scrollIntoViewIfNeeded();
  await shot(page, info, '05-on-the-inspection');

  // 4. Nothing of it is left on the device.
  const left = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('brave-forms-photos');
        req.onsuccess = () => {
          const n = req.result.transaction('photos').objectStore('photos').count();
          n.onsuccess = () => resolve(n.result);
        };
      }),
  );
  expect(left).toBe(0);
});
