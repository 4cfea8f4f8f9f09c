import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { SUPPORT_STAFF } from './support/support-staff';
import { signInAs } from './support/sign-in';

const ACME = 'org_2acme0000000000000000000';

// The operator's support staff work at desks: one browser project is enough for the internal area.
test.skip(({ isMobile }) => isMobile, 'the internal support area is a desktop tool');


test('support opens a reasoned grant; the owner sees the banner and the grant in the list', async ({ page, browser }, info) => {
  test.slow();
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: path.join(info.project.testDir, 'screenshots', `${info.project.name}-${name}.png`), fullPage: true });

  // A tenant session does not open the internal area: it asks for the support key.
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto('/internal');
  await expect(page.getByRole('form', { name: 'Support sign-in' })).toBeVisible();

  const support = await browser.newContext();
  const staff = await support.newPage();
  await staff.goto('/internal');
  await staff.getByLabel('Name').fill(SUPPORT_STAFF.name);
  await staff.getByLabel('Personal support key').fill('wrong key');
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await expect(staff.getByText('Unknown name or key.')).toBeVisible();
  // The name stays typed after a wrong key (React resets the form after its action); the key does not.
  await expect(staff.getByLabel('Name')).toHaveValue(SUPPORT_STAFF.name);
  await expect(staff.getByLabel('Personal support key')).toHaveValue('');
  await staff.getByLabel('Personal support key').fill(SUPPORT_STAFF.key);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await expect(staff.getByRole('form', { name: 'Request support access' })).toBeVisible();
  await staff.getByLabel('Organization id').fill(ACME);
  await staff.getByLabel(/^Reason/).fill('too short');
  await staff.getByRole('button', { name: 'Open a time-limited grant' }).click();
  await expect(staff.getByText(/at least 20 characters/)).toBeVisible();
  await expect(staff.getByLabel('Organization id')).toHaveValue(ACME);
  await staff.getByLabel(/^Reason/).fill('Ticket 4411: the inspection report shows the wrong site address.');
  await staff.getByRole('button', { name: 'Open a time-limited grant' }).click();
  await expect(staff.getByRole('heading', { name: 'Acme Site Works' })).toBeVisible();
  await expect(staff.getByText(/This view was recorded/)).toBeVisible();
  await shot(staff, 'support-grant-view');
  await support.close();

  await page.goto('/dashboard');
  const banner = page.getByTestId('support-access-banner');
  await expect(banner).toContainText('Operator support can read your organization');
  await expect(banner).toContainText('Ticket 4411');
  await shot(page, 'support-banner');
  await banner.getByRole('link', { name: 'All support access' }).click();
  await expect(page.getByRole('heading', { name: 'Support access' })).toBeVisible();
  await expect(page.getByText(/Ticket 4411/).first()).toBeVisible();
});
