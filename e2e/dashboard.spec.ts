import path from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

// Phone first: crews and owners open the dashboard on site. Local identity mode, seeded data
// (lib/demo/seed.ts + db/seed-violations.ts): Acme has 3 open violations, Bolt 2.

test.skip(({ viewport }) => !viewport || viewport.width > 480, 'phone viewport only');


async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({
    path: path.join(testInfo.project.testDir, 'screenshots', `${testInfo.project.name}-${name}.png`),
    fullPage: true,
  });
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
}

test('an owner sees the dashboard, the violations and the audit log of their own org', async ({ page }, testInfo) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');

  // Cards with the org's counts.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  const openViolations = page.getByTestId('stat-Open violations');
  await expect(openViolations).toContainText('3');
  await expect(openViolations).toContainText('2 past deadline');
  await expect(page.getByTestId('stat-Open corrective actions')).toContainText('3');

  // Charts: described images with their numbers in a table for screen readers.
  await expect(
    page.getByRole('img', { name: /Open corrective actions by age: < 2 days 1, 2–7 days 1, 7–30 days 1/ }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Rain per day and inspections done, last 14 days/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Open corrective actions by age/ })).toBeAttached();

  // Due next (stored obligations), per project, with the kind and its status.
  const due = page.getByTestId('inspections-due');
  await expect(due.getByText('Riverside Apartments').first()).toBeVisible();
  await expect(due.getByText(/Routine|Storm event/).first()).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, testInfo, 'dashboard-owner');

  // The card links to the overdue violations, highlighted.
  await openViolations.click();
  await expect(page).toHaveURL(/\/violations\?status=overdue$/);
  await expect(page.getByRole('link', { name: 'Overdue', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/Overdue by/).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Violations' }).getByRole('listitem')).toHaveCount(2);
  await noSidewaysScroll(page);
  await shot(page, testInfo, 'violations-overdue');

  // A violation's page: stepper with who/when, corrective actions.
  await page.getByRole('list', { name: 'Violations' }).getByRole('link').filter({ hasText: 'Silt fence' }).click();
  await expect(page.getByRole('heading', { name: 'BMP missing or not maintained', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Status steps' })).toContainText('Ines Ibarra');
  await expect(page.getByRole('list', { name: 'Corrective actions' })).toContainText('Started by Carlos Cruz');
  await noSidewaysScroll(page);
  await shot(page, testInfo, 'violation-detail');

  // The audit log, filtered to violations.
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  await page.getByLabel('Record type').selectOption('violation');
  await page.getByLabel('Action').selectOption('transition');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/entityType=violation/);
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toContainText('transition');
  for (const text of await entries.allInnerTexts()) expect(text).toMatch(/transition\s+violation/);
  await expect(entries.first()).toContainText('→');
  await noSidewaysScroll(page);
  await shot(page, testInfo, 'audit-owner');

  // Bad filters are explained, not a crash.
  await page.goto('/audit?from=2026-05-10&to=2026-05-01');
  await expect(page.getByText('The end date must be on or after the start date.')).toBeVisible();
});

test('a crew member is refused the audit page with a clear 403', async ({ page }, testInfo) => {
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  const res = await page.goto('/audit');
  expect(res?.status()).toBe(403); // the HTTP status says it too, not only the page
  await expect(page.getByTestId('access-denied')).toBeVisible();
  await expect(page.getByRole('heading', { name: /can’t open this page/ })).toBeVisible();
  await expect(page.getByTestId('access-denied')).toContainText('(crew)');
  await expect(page.getByTestId('audit-entry')).toHaveCount(0);
  await shot(page, testInfo, 'audit-crew-403');
});

test("another org's owner sees their own numbers, and a violation URL of Acme is a 404", async ({ page }) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto('/violations');
  const href = await page.getByRole('list', { name: 'Violations' }).getByRole('link').first().getAttribute('href');
  await page.context().clearCookies();

  await signInAs(page, 'Bea Boltz', 'Bolt Builders');
  await expect(page.getByTestId('stat-Open violations')).toContainText('2');
  const res = await page.goto(href!);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('an inspector records a violation on a phone: every error inline, then the stepper to verified', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  await page.goto('/violations/new');
  await page.getByLabel(/Found at/).fill('');
  await page.getByRole('button', { name: 'Record violation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct' })).toBeVisible();
  for (const label of ['Project', 'Violation type', 'What was found', 'Found at']) {
    await expect(page.getByLabel(new RegExp(`^${label}`))).toHaveAttribute('aria-invalid', 'true');
  }
  await shot(page, testInfo, 'violation-new-errors');

  await page.getByLabel(/^Project/).selectOption({ label: 'Hillcrest Retail Center' });
  await page.getByLabel(/^Violation type/).selectOption({ label: 'BMP missing or not maintained' });
  await page.getByLabel(/^BMP category/).selectOption({ label: 'Sediment control' });
  await page.getByLabel(/^What was found/).fill('Inlet protection missing at the SE curb inlet (e2e).');
  await page.getByLabel(/^Location/).fill('SE curb inlet');
  await page.getByLabel(/^Found at/).fill('2026-01-05T08:15');
  await page.getByRole('button', { name: 'Record violation' }).click();
  await expect(page).toHaveURL(/\/violations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'BMP missing or not maintained', level: 1 })).toBeVisible();
  await expect(page.getByText('SE curb inlet', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: /Mark fixed/ }).click();
  await expect(page.getByRole('button', { name: /Verify fix/ })).toBeVisible();
  await page.getByRole('button', { name: /Verify fix/ }).click();
  await expect(page.locator('[aria-current="step"]')).toContainText('Verified');
  await expect(page.getByRole('list', { name: 'Status steps' })).toContainText('Skipped');
  await noSidewaysScroll(page);
  await shot(page, testInfo, 'violation-verified');
});
