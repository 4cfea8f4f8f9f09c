import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';

/**
 * Record pages print as the record (app/globals.css, print rules): with
 * `print` media the header, the side nav, the tab bar and the banners are
 * gone and the record's heading is still there; on screen (the control) the
 * same chrome is visible. A signed inspection offers its PDF, which the API
 * serves as application/pdf with the same SHA-256 the page shows.
 */
test.skip(({ isMobile }) => isMobile, 'desktop project only: the side nav exists there');

const shots = (info: { project: { testDir: string } }, name: string) => path.join(info.project.testDir, 'screenshots', `print-${name}.png`);

async function expectPrintsAsRecord(page: Page, heading: RegExp, name: string, info: { project: { testDir: string } }) {
  await page.emulateMedia({ media: 'screen' });
  // Control: on screen the chrome is there, so "hidden in print" below is the print rules' doing.
  await expect(page.getByRole('navigation', { name: 'Main' }).first()).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const chrome of await page.locator('[data-app-chrome]').all()) await expect(chrome).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await page.screenshot({ path: shots(info, name), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
}

test('inspection, violation and project pages print without the app navigation; a signed inspection downloads its PDF', async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: /Sign in as Olivia Owens/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });

  const listed = await page.request.get('/api/v1/inspections?status=published&limit=50');
  expect(listed.ok()).toBe(true);
  const { items } = (await listed.json()) as { items: { id: string; signedAt: string | null; recordSha256: string | null }[] };
  const signed = items.find((i) => i.signedAt && i.recordSha256);
  expect(signed, 'a seeded signed inspection').toBeTruthy();

  await page.goto(`/inspections/${signed!.id}`);
  const download = page.getByRole('link', { name: 'Download PDF' });
  await expect(download).toBeVisible();
  await expect(page.getByText(/Record SHA-256/)).toContainText(signed!.recordSha256!.slice(0, 4));
  const pdf = await page.request.get((await download.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['x-record-sha256']).toBe(signed!.recordSha256);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectPrintsAsRecord(page, /inspection/i, 'inspection', info);
  await page.emulateMedia({ media: 'print' });
  await expect(download).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/violations');
  await page.locator('main a[href^="/violations/"]:not([href^="/violations/new"])').first().click();
  await expect(page).toHaveURL(/\/violations\/[0-9a-f-]{36}$/);
  await expectPrintsAsRecord(page, /./, 'violation', info);

  await page.goto('/projects');
  await page.getByRole('link', { name: /Riverside Apartments/ }).first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expectPrintsAsRecord(page, /Riverside Apartments/, 'project', info);
});
