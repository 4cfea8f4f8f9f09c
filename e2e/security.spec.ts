import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

// Local identity mode, seeded orgs. Ivan (Bolt inspector) asks the API for records that aren't
// Bolt's; Bea (Bolt owner) then sees the banner and the critical alert; Cora (Bolt crew) gets a 403.


test('probing for other tenants’ ids raises a critical alert that the owner sees; crew can’t open /security', async ({
  page,
  context,
}, testInfo) => {
  await signInAs(page, 'Ivan Ivers', 'Bolt Builders');
  // No Security link for an inspector.
  await expect(page.getByRole('link', { name: 'Security' })).toHaveCount(0);
  for (let i = 0; i < 6; i++) {
    const res = await page.request.get(`/api/v1/projects/${randomUUID()}`);
    expect(res.status()).toBe(404);
  }

  await context.clearCookies();
  await signInAs(page, 'Bea Boltz', 'Bolt Builders');
  const banner = page.getByTestId('security-alert-banner');
  await expect(banner).toContainText(/Security alerts: \d+ critical/);
  await banner.getByRole('link').click();
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();

  const alert = page
    .getByTestId('security-alert')
    .filter({ hasText: 'Possible cross-tenant probing' })
    .filter({ hasText: 'Ivan Ivers' })
    .first();
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('data-severity', 'critical');
  await expect(
    page.getByTestId('security-event').filter({ hasText: 'Unknown record requested' }).first(),
  ).toContainText('Ivan Ivers');
  await expect(page.getByRole('form', { name: 'Security settings' })).toBeVisible();
  // Fits a phone: nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  await page.screenshot({
    path: path.join(testInfo.project.testDir, 'screenshots', `${testInfo.project.name}-security.png`),
    fullPage: true,
  });

  await context.clearCookies();
  await signInAs(page, 'Cora Cole', 'Bolt Builders');
  await expect(page.getByTestId('security-alert-banner')).toHaveCount(0);
  const res = await page.goto('/security');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('access-denied')).toContainText('You can’t open this page');
});
