import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';

// Organization deletion (docs/deletion.md), on a company created for this run (the e2e database
// is shared: the seeded orgs must not show a deletion banner to other specs). Its owner asks to
// delete it, is sent to confirm the second factor first, types the name, sees the grace-period
// banner and cancels.
test.skip(({ isMobile }) => !isMobile, 'phone project only');
test.describe.configure({ timeout: 120_000 });

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `${info.project.name}-deletion-${name}.png`), fullPage: true });

test('an owner requests deletion with the typed name after step-up, sees the grace-period banner, and cancels', async ({ page }, info) => {
  await page.goto('/sign-in');
  const start = page.getByRole('form', { name: 'New to BrAve Forms' });
  await start.getByLabel('First name').fill('Dora');
  await start.getByLabel('Last name').fill('Dean');
  await start.getByRole('button', { name: 'Start as a new user' }).click();
  await expect(page).toHaveURL(/\/select-org$/);
  const company = `Dean Earthworks ${Date.now()}`;
  const create = page.getByRole('form', { name: 'Create organization' });
  await create.getByLabel('Company name').fill(company);
  await create.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
  await expect(page.getByTestId('deletion-banner')).toHaveCount(0);

  await page.goto('/settings');
  await page.getByRole('link', { name: 'Delete organization' }).click();
  await expect(page).toHaveURL(/\/settings\/delete$/);
  await expect(page.getByRole('heading', { name: 'Delete organization', level: 1 })).toBeVisible();

  // No recent second factor: asked to confirm it, nothing scheduled.
  const confirm = page.getByLabel(/Type the organization’s name to confirm/);
  await confirm.fill(company);
  await page.getByRole('button', { name: 'Delete this organization' }).click();
  await expect(page.getByText(/confirm it’s you \(your second factor\)/)).toBeVisible();
  await expect(page.getByTestId('deletion-banner')).toHaveCount(0);
  await shot(page, info, 'step-up-asked');
  await page.getByRole('link', { name: 'Confirm it’s you' }).click();
  await page.getByRole('button', { name: 'Verify second factor' }).click();
  await expect(page).toHaveURL(/\/settings\/delete$/);

  // A wrong name is refused with a message.
  await confirm.fill(`${company} Inc`);
  await page.getByRole('button', { name: 'Delete this organization' }).click();
  await expect(page.locator('#delete-org-error')).toContainText('does not match');
  await shot(page, info, 'wrong-name');

  await confirm.fill(company);
  await page.getByRole('button', { name: 'Delete this organization' }).click();
  await expect(page.getByRole('heading', { name: 'Deletion scheduled' })).toBeVisible();
  const banner = page.getByTestId('deletion-banner');
  await expect(banner).toContainText('scheduled for deletion');
  // The date, in the org's zone with its abbreviation (7 days from now).
  await expect(banner).toContainText(/\d{4}, \d{1,2}:\d{2} [AP]M [A-Z]{2,5}/);
  await shot(page, info, 'scheduled');

  // Every page shows it while the grace period runs.
  await page.goto('/dashboard');
  await expect(page.getByTestId('deletion-banner')).toBeVisible();
  await page.getByTestId('deletion-banner').getByRole('link', { name: 'Cancel the deletion' }).click();
  await expect(page).toHaveURL(/\/settings\/delete$/);
  await page.getByRole('button', { name: 'Cancel the deletion' }).click();
  await expect(page.getByRole('button', { name: 'Delete this organization' })).toBeVisible();
  await expect(page.getByTestId('deletion-banner')).toHaveCount(0);
  await shot(page, info, 'cancelled');
});
