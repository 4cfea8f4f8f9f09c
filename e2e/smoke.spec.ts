import path from 'node:path';
import { expect, test } from './support/test';

test('landing page renders and fits the screen', async ({ page }, testInfo) => {
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute('href', '/sign-in');

  if (testInfo.project.name === 'phone') {
    // Sideways scrolling on a phone means something is wider than the viewport.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  }

  // Kept as a CI artifact so a person can look at what the page shows.
  const file = path.join(testInfo.project.testDir, 'screenshots', `${testInfo.project.name}-home.png`);
  await page.screenshot({ path: file, fullPage: true });
});

test('health endpoint answers with security headers', async ({ request }) => {
  const response = await request.get('/api/health');

  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
});
