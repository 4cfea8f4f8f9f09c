import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { signInAs } from './support/sign-in';
import { expect, test } from './support/test';

// The organization export (docs/export.md): an owner without a recent second factor is asked to
// verify first; then starts the export, sees the progress bar while the worker (in-process in
// the e2e server) writes the zip, and the download link, which answers a short-lived redirect to
// the zip itself.
test.skip(({ isMobile }) => isMobile, 'desktop project only');
test.describe.configure({ timeout: 180_000 });

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `${info.project.name}-export-${name}.png`), fullPage: true });

test('an owner is asked to verify, starts an export, sees progress until the download link appears', async ({ page }, info) => {
  await signInAs(page, 'Olivia Owens');
  await page.getByRole('link', { name: 'Export data' }).first().click();
  await expect(page).toHaveURL(/\/export$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Export data', level: 1 })).toBeVisible();

  // No recent second factor: asked to confirm it, and no export was started.
  await page.getByRole('button', { name: 'Start an export' }).click();
  // The refusal itself (role alert), not the page's explanation that says the same words.
  await expect(page.getByRole('alert').filter({ hasText: /confirm it’s you \(your second factor\)/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await shot(page, info, 'step-up-asked');
  await page.getByRole('link', { name: 'Confirm it’s you' }).click();
  await page.getByRole('button', { name: 'Verify second factor' }).click();
  await expect(page).toHaveURL(/\/export$/, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Start an export' }).click();
  const bar = page.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d{1,3}$/);
  await shot(page, info, 'progress');

  const link = page.getByRole('link', { name: 'Download the zip' });
  await expect(link).toBeVisible({ timeout: 120_000 });
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('export-list')).toContainText('Ready');
  await shot(page, info, 'ready');

  const href = await link.getAttribute('href');
  const res = await page.request.get(href!, { maxRedirects: 0 });
  expect(res.status()).toBe(302);
  const zip = await page.request.get(res.headers()['location']!);
  expect(zip.status()).toBe(200);
  expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK');
});
