import path from 'node:path';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';


test('an owner verifies the audit hash chain; a crew member cannot open the page', async ({ page, browser }, testInfo) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto('/audit');
  await page.getByRole('link', { name: 'Verify the trail' }).click();
  await expect(page.getByRole('heading', { name: 'Verify the audit trail' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify now' }).click();
  await expect(page.getByText(/^Intact: [\d,]+ entries verified\.$/)).toBeVisible();
  await expect(page.getByText(/hash [0-9a-f]{64}/)).toBeVisible();
  await page.screenshot({ path: path.join(testInfo.project.testDir, 'screenshots', `${testInfo.project.name}-audit-verify.png`), fullPage: true });

  const crew = await browser.newContext();
  const crewPage = await crew.newPage();
  await signInAs(crewPage, 'Carlos Cruz', 'Acme Site Works');
  const response = await crewPage.goto('/audit/verify?run=1');
  expect(response?.status()).toBe(403);
  await expect(crewPage.getByText(/Intact/)).toHaveCount(0);
  await crew.close();
});
