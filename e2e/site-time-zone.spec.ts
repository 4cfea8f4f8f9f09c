import path from 'node:path';
import { expect, test } from './support/test';

/**
 * A site in Chicago, a phone set to Tokyo: the time typed for a rain entry is
 * read in the site's zone (never the phone's), stored as UTC, and shown with
 * the site's abbreviation on the project page; the API returns the instant.
 */
test.use({ timezoneId: 'Asia/Tokyo' });
test.skip(({ isMobile }) => !isMobile, 'phone project only');

test('a time typed at a Chicago site shows as Chicago time on a phone set to Tokyo, and the API has its UTC instant', async ({
  page,
}, info) => {
  test.setTimeout(90_000);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
  await page.goto('/sign-in');
  await page.getByRole('button', { name: /Sign in as Dana Reyes \(Acme Site Works\)/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });

  await page.goto('/projects');
  await page
    .getByRole('link', { name: /Hillcrest Retail Center/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Site time zone').selectOption('America/Chicago');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Hillcrest Retail Center', level: 1 })).toBeVisible();
  const projectId = new URL(page.url()).pathname.split('/').pop()!;

  // A unique amount finds this run's entry; 07:11 on May 4 in Chicago is 12:11 UTC (CDT, −5).
  const amount = (10 + (Date.now() % 3000) / 100).toFixed(2);
  await page.getByLabel(/Rain \(inches\)/).fill(amount);
  await expect(page.getByText('Site time (America/Chicago')).toBeVisible();
  await page.getByLabel(/Started/).fill('2026-05-04T07:11');
  await page.getByRole('button', { name: 'Save rain entry' }).click();
  const entry = page
    .getByRole('list', { name: 'Rain events' })
    .getByRole('listitem')
    .filter({ hasText: `${amount} in` });
  await expect(entry).toContainText('May 4, 2026, 7:11 AM CDT');
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', 'site-time-zone-project.png') });

  const res = await page.request.get(`/api/v1/rain-events?projectId=${projectId}&limit=100`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { amountInches: string; startedAt: string }[] };
  expect(items.filter((r) => Number(r.amountInches).toFixed(2) === amount).map((r) => r.startedAt)).toEqual([
    '2026-05-04T12:11:00.000Z',
  ]);
});
