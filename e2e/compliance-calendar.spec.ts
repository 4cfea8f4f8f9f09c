import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

// The compliance calendar (docs/obligations.md) on a phone, from the demo seed's stored obligations:
// the seed's inspections are old, so each Acme project has overdue obligations; what is met depends on
// other specs' writes, so this asserts what the seed guarantees and the shape of every item.

test.skip(({ viewport }) => !viewport || viewport.width > 480, 'phone viewport only');


async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({
    path: path.join(testInfo.project.testDir, 'screenshots', `${testInfo.project.name}-${name}.png`),
    fullPage: true,
  });
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

test('the org calendar: overdue items with why, permit part and the site’s zone; the rain vs inspections chart', async ({ page }, testInfo) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.getByRole('link', { name: 'Compliance calendar' }).first().click();
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole('heading', { name: 'Compliance calendar', level: 1 })).toBeVisible();
  for (const h of [/^Overdue \(/, /^Due today \(/, /^Upcoming, next 30 days \(/, /^Met late, last 30 days \(/, /^Met on time, last 30 days \(/]) {
    await expect(page.getByRole('heading', { name: h, level: 2 })).toBeVisible();
  }

  const overdue = page.getByRole('list', { name: 'Overdue' });
  const first = overdue.getByTestId('obligation').first();
  await expect(first).toBeVisible();
  await expect(first.getByText('Overdue', { exact: true })).toBeVisible();
  // "was due Nov 20, 2026, 11:59 PM CST (…ago)": a time in a US zone with its abbreviation.
  await expect(first.getByText(/was due .+ (C|E|M|P)[SD]T \(/)).toBeVisible();

  // "Why is this due?" opens the engine's reason and the permit part, with a thumb-sized target.
  const why = first.getByText('Why is this due?');
  const box = await why.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await why.click();
  await expect(first.getByText(/^CGP 2022 (Part|Appendix)/)).toBeVisible();
  await expect(first.locator('details p').first()).not.toBeEmpty();

  await expect(page.getByRole('img', { name: /Rain per day and inspections done, last 30 days/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Rain per day and inspections done/ })).toBeAttached();
  // Only Acme's projects: Bolt's seeded project names carry the same names, so check the links' ids instead.
  const acmeIds = await overdue.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(acmeIds.every((h) => /^\/projects\/[0-9a-f-]{36}$/.test(h ?? ''))).toBe(true);
  await noSidewaysScroll(page);
  await shot(page, testInfo, 'compliance-calendar');

  // One project's calendar: no project names on its items, the same sections.
  await page.goto(acmeIds[0]!);
  const projectUrl = new URL(page.url()).pathname;
  await page.goto(`${projectUrl}/calendar`);
  await expect(page.getByRole('heading', { name: /^Compliance calendar: /, level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Overdue' }).getByTestId('obligation').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Overdue' }).getByRole('link', { name: /.+/ })).toHaveCount(0);
  await noSidewaysScroll(page);
  await shot(page, testInfo, 'compliance-calendar-project');
});

test('another organization’s project calendar and a malformed id are the same 404', async ({ page }) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto('/calendar');
  const href = await page.getByRole('list', { name: 'Overdue' }).getByRole('link').first().getAttribute('href');
  // Bolt's owner opens Acme's project calendar.
  await page.context().clearCookies();
  await signInAs(page, 'Bea Boltz', 'Bolt Builders');
  const foreign = await page.goto(`${href}/calendar`);
  expect(foreign!.status()).toBe(404);
  const malformed = await page.goto('/projects/not-a-uuid/calendar');
  expect(malformed!.status()).toBe(404);
});
