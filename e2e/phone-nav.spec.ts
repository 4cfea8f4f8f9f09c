import path from 'node:path';
import { expect, expectAccessible, test } from './support/test';
import { signInAs } from './support/sign-in';

// The tab bar only exists on phones; desktop has the side list with every section.
test.skip(({ isMobile }) => !isMobile, 'the tab bar is the phone layout');

test('an owner’s sections that do not fit the tab bar open from More, which then marks the current section', async ({ page }, info) => {
  await signInAs(page, 'Olivia Owens');
  const bar = page.getByRole('navigation', { name: 'Main' }).last();
  await expect(bar.getByRole('link')).toHaveCount(5);
  await expect(bar.getByRole('link', { name: 'Security' })).toBeHidden();

  await bar.getByText('More', { exact: true }).click();
  await expect(bar.getByRole('link', { name: 'Security' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `${info.project.name}-more-open.png`) });

  await bar.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  // The menu closes after the navigation, and "More" carries the current-page mark.
  await expect(bar.getByRole('link', { name: 'Security' })).toBeHidden();
  await expect(bar.locator('summary[aria-current="page"]')).toHaveText('More');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});
