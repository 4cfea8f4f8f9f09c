import path from 'node:path';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';


test('the bell opens the reminders page; a member changes which reminders they get, and it sticks', async ({ page }, testInfo) => {
  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  await page.getByRole('link', { name: /^Reminders/ }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Reminders', level: 1 })).toBeVisible();

  const email = page.getByRole('checkbox', { name: /Also send them by email/ });
  await expect(email).toBeChecked();
  await email.uncheck();
  await page.getByRole('button', { name: 'Save choices' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.screenshot({ path: path.join(testInfo.project.testDir, 'screenshots', `${testInfo.project.name}-reminders.png`), fullPage: true });

  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Also send them by email/ })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Inspections due or overdue/ })).toBeChecked();
  // Put it back: other specs share the database.
  await page.getByRole('checkbox', { name: /Also send them by email/ }).check();
  await page.getByRole('button', { name: 'Save choices' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
});

test('the development outbox page does not exist in a production build', async ({ page }) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  const response = await page.goto('/dev/outbox');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Mail outbox' })).toHaveCount(0);
});
