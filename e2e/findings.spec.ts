import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect as baseExpect, test } from './support/test';
import sharp from 'sharp';
import { signInAs } from './support/sign-in';

/**
 * Findings become actions, on a phone: a crew member records a finding from
 * the project page; the superintendent sees it under My work and confirms it,
 * which assigns the corrective action back to the crew member; the crew member
 * finds it under My work, fixes it with a close-out photo and marks it fixed;
 * the superintendent verifies it and it is closed. Each person's My work shows
 * their own rows. Rows are told apart by a unique text (other specs share the
 * database), never by counts.
 */
test.describe.configure({ mode: 'serial' });
// Server actions re-render the page; on a busy shared machine that takes longer than the 5 s default.
const expect = baseExpect.configure({ timeout: 20_000 });

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `findings-${name}.png`) });
}


async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
}

const tag = `E2E ${Date.now().toString(36)}`;
const finding = `Silt fence flattened by the loader (${tag})`;
const fix = `Re-trench and re-stake the fence (${tag})`;

test('crew records a finding → superintendent confirms → crew fixes it with a photo → verified', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the field flow is a phone flow');
  test.setTimeout(180_000);

  // 1. The crew member, on the project page: Start inspection, Record a finding, the next due date and why.
  await signInAs(page, 'Carlos Cruz');
  await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();
  await expect(page.getByTestId('my-sign')).toHaveCount(0); // crews do not sign reports
  await page.goto('/projects');
  await page.getByRole('link', { name: 'Hillcrest Retail Center' }).first().click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Start inspection' })).toBeVisible({ timeout: 15_000 });
  const nextDue = page.getByTestId('next-due');
  await expect(nextDue).toContainText(/CGP 2022 Part 4\.2/);
  await expect(nextDue).toContainText(/[AP]M C[DS]T|[AP]M E[DS]T|[AP]M [A-Z]{2,4}/);
  await shot(page, info, '01-project-crew');
  await page.getByRole('link', { name: 'Record a finding' }).click();
  await expect(page.getByRole('heading', { name: 'Record a finding', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Project')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel('Deadline')).toHaveCount(0); // the reviewer sets it
  await page.getByLabel('Violation type').selectOption({ index: 1 });
  await page.getByLabel('What was found').fill(finding);
  await page.getByLabel('Location on site').fill('North entrance');
  await noSidewaysScroll(page);
  await shot(page, info, '02-finding-form');
  await page.getByRole('button', { name: 'Report finding' }).click();
  await page.waitForURL(/\/violations\/[0-9a-f-]{36}$/);
  const violationUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: 'Finding awaiting review' })).toBeVisible();
  await expect(page.getByText('A superintendent will confirm or dismiss it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm finding' })).toHaveCount(0);
  await shot(page, info, '03-reported-crew');

  await page.goto('/dashboard');
  await expect(page.getByTestId('my-findings')).toContainText(finding);
  await expect(page.getByTestId('my-findings')).toContainText('My findings awaiting review');

  // 2. The superintendent sees it under My work and confirms it; the fix goes to the crew member.
  await signInAs(page, 'Sam Sutter');
  const toReview = page.getByTestId('my-findings');
  await expect(toReview).toContainText('Findings to review');
  await toReview.getByRole('link', { name: new RegExp(tag) }).scrollIntoViewIfNeeded();
  await shot(page, info, '04-my-work-super');
  await toReview.getByRole('link', { name: new RegExp(tag) }).click();
  await expect(page).toHaveURL(new RegExp(`${violationUrl}$`));
  await page.getByRole('textbox', { name: /^Corrective action/ }).fill(fix);
  await expect(page.getByLabel('Assigned to')).toHaveValue('user_acme_crew');
  // Sediment to clear behind a working fence: routine maintenance, the next-business-day clock.
  // "Fix due" follows the kind: the close of the next business day is sooner than the 7-day clock,
  // and going back restores the first proposal (a time typed by hand would be left alone).
  const fixDue = page.getByLabel('Fix due');
  const sevenDay = await fixDue.inputValue();
  // The site-time line under the field reads the new value back.
  const readback = page.locator('#cf-dueAt-zone');
  const sevenDayText = (await readback.textContent()) ?? '';
  await page.getByRole('radio', { name: /^Routine maintenance/ }).check();
  const nextBusinessDay = await fixDue.inputValue();
  expect(nextBusinessDay < sevenDay).toBe(true);
  await page.getByRole('radio', { name: /^Corrective action/ }).check();
  await expect(fixDue).toHaveValue(sevenDay);
  await page.getByRole('radio', { name: /^Routine maintenance/ }).check();
  await expect(fixDue).toHaveValue(nextBusinessDay);
  await expect(readback).toContainText('Site time: ');
  await expect(readback).not.toHaveText(sevenDayText);
  // A time the reviewer typed stays whatever the kind.
  const typed = `${sevenDay.slice(0, 10)}T06:00`;
  await fixDue.fill(typed);
  await page.getByRole('radio', { name: /^Corrective action/ }).check();
  await expect(fixDue).toHaveValue(typed);
  await page.getByRole('radio', { name: /^Routine maintenance/ }).check();
  await expect(fixDue).toHaveValue(typed);
  await fixDue.fill(nextBusinessDay);
  await page.getByRole('button', { name: 'Confirm finding' }).scrollIntoViewIfNeeded();
  await shot(page, info, '05-confirm-form');
  await page.getByRole('button', { name: 'Confirm finding' }).click();
  await expect(page.getByRole('heading', { name: 'Finding awaiting review' })).toHaveCount(0);
  const action = page.getByRole('list', { name: 'Corrective actions' }).getByRole('listitem').filter({ hasText: fix });
  await expect(action).toContainText('Assigned to Carlos Cruz');
  await expect(action).toContainText('Routine maintenance · CGP Part 2.1.4');
  await expect(page.getByRole('heading', { name: 'Status' })).toBeVisible();

  // 3. The crew member finds the fix under My work, attaches the close-out photo, starts and marks it fixed.
  await signInAs(page, 'Carlos Cruz');
  const mine = page.getByTestId('my-actions');
  await expect(mine.getByRole('link', { name: new RegExp(tag) })).toBeVisible();
  await expect(page.getByTestId('my-findings')).not.toContainText(finding); // reviewed: no longer waiting
  await mine.getByRole('link', { name: new RegExp(tag) }).scrollIntoViewIfNeeded();
  await shot(page, info, '06-my-work-crew');
  await mine.getByRole('link', { name: new RegExp(tag) }).click();
  await expect(page).toHaveURL(new RegExp(`${violationUrl}#action-`));
  const card = page.getByRole('list', { name: 'Corrective actions' }).getByRole('listitem').filter({ hasText: fix }).first();
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#556b2f' } }).jpeg().toBuffer();
  await card.getByLabel(/Choose photos for Close-out photos/).setInputFiles([{ name: 'fence-fixed.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await expect(card.getByRole('list', { name: 'Photos' }).getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });
  await card.getByRole('button', { name: /^Start:/ }).click();
  await expect(card).toContainText('Started by Carlos Cruz');
  await card.getByRole('button', { name: /^Mark fixed:/ }).click();
  await expect(card).toContainText('Fixed by Carlos Cruz');
  await expect(card.getByRole('button', { name: /^Verify:/ })).toHaveCount(0); // crews do not verify
  await card.scrollIntoViewIfNeeded();
  await noSidewaysScroll(page);
  await shot(page, info, '07-fixed-crew');

  // 4. The superintendent verifies the fix: closed, and gone from the crew member's My work.
  await signInAs(page, 'Sam Sutter');
  await page.goto(violationUrl);
  const done = page.getByRole('list', { name: 'Corrective actions' }).getByRole('listitem').filter({ hasText: fix }).first();
  await done.getByRole('button', { name: /^Verify:/ }).click();
  await expect(done).toContainText('Verified by Sam Sutter');
  await page.getByRole('button', { name: /^Mark fixed \(move to/ }).click();
  await page.getByRole('button', { name: /^Verify fix \(move to/ }).click();
  // Closed: no step left to take, and the stepper's current step is Verified.
  await expect(page.getByRole('button', { name: /^Verify fix/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Reopen/ })).toHaveCount(0);
  await expect(page.locator('[aria-current="step"]')).toContainText('Verified');
  await shot(page, info, '08-verified');

  await signInAs(page, 'Carlos Cruz');
  await expect(page.getByTestId('my-actions')).not.toContainText(fix);
});

test('an inspector signs reports from My work and does not review findings', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the field flow is a phone flow');
  await signInAs(page, 'Ines Ibarra');
  await expect(page.getByTestId('my-sign')).toBeVisible();
  await expect(page.getByTestId('my-due')).toBeVisible();
  await expect(page.getByTestId('my-findings')).toContainText('My findings awaiting review');
  await shot(page, info, '09-my-work-inspector');
});
