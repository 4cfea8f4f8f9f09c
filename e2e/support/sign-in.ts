import type { Page } from '@playwright/test';
import { expect } from './test';

/**
 * Signs in through the local identity mode's sign-in page (docs/auth.md) as one of the seeded
 * members, with a clean cookie jar so a second sign-in in the same test is a new session.
 * `secondFactor` ticks "Also verify a second factor", the local stand-in for Clerk's step-up.
 */
export async function signInAs(
  page: Page,
  name: string,
  orgName = 'Acme Site Works',
  opts: { secondFactor?: boolean } = {},
): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/sign-in');
  if (opts.secondFactor) await page.getByLabel('Also verify a second factor').check();
  await page.getByRole('button', { name: new RegExp(`Sign in as ${name} \\(${orgName}\\)`) }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
}
