import path from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { BMP_ITEMS } from './support/epa-checklist';
import { signInAs } from './support/sign-in';

/**
 * The field flow on a phone: a crew member fills and submits the EPA
 * inspection report, an inspector certifies and publishes it, and a user of
 * another organization gets a plain 404 for its URL.
 */
test.describe.configure({ mode: 'serial' });

/** What the phone shows (one screen); `full` adds the whole page as a second file. */
async function shot(page: Page, info: TestInfo, name: string, full = false) {
  const file = (suffix: string) => path.join(info.project.testDir, 'screenshots', `inspection-${name}${suffix}.png`);
  await page.screenshot({ path: file('') });
  if (full) await page.screenshot({ path: file('-full'), fullPage: true });
}


async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
}

test('crew submits, inspector signs and publishes, another org gets 404', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the field flow is a phone flow');
  test.setTimeout(120_000);

  // 1. Crew member starts an inspection.
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await page.goto('/inspections');
  await expect(page.getByRole('heading', { name: 'Inspections', level: 1 })).toBeVisible();
  await shot(page, info, '01-list-crew');
  await page.getByRole('link', { name: 'New inspection' }).click();
  await page.getByLabel('Project').selectOption({ label: 'Riverside Apartments' });
  await page.getByText('Storm event', { exact: true }).click();
  await shot(page, info, '02-new');
  await page.getByRole('button', { name: 'Start inspection' }).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  const inspectionUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: 'Storm event inspection' })).toBeVisible();
  // The type was asked once, on the previous screen; the form does not ask it again.
  await expect(page.getByRole('group', { name: 'Type of inspection' })).toHaveCount(0);
  await noSidewaysScroll(page);
  await shot(page, info, '03-form-empty');

  // 2. Submitting too early shows every problem, at its field and in a summary.
  await page.getByRole('button', { name: 'Submit inspection' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Please fix' });
  await expect(summary).toContainText('Please fix');
  await expect(summary.getByRole('link', { name: 'Weather at time of inspection' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Inspected by' })).toBeVisible();
  await expect(page.getByLabel('Weather at time of inspection')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, info, '04-form-errors');
  await page.getByRole('group', { name: 'BMP checklist' }).scrollIntoViewIfNeeded();
  await shot(page, info, '04b-bmp-errors');

  // 3. Fill it in; the draft autosaves.
  await page.getByLabel('Weather at time of inspection').fill('Overcast, light wind, 64°F');
  await page.getByLabel('Rain gauge reading').fill('0.6');
  await page.getByRole('group', { name: 'Is a discharge occurring now?' }).getByText('No', { exact: true }).click();
  for (const item of BMP_ITEMS) {
    const row = page.getByRole('group', { name: item, exact: true });
    await row.getByText(item === BMP_ITEMS[0] ? 'Fail' : 'Pass', { exact: true }).click();
  }
  await page
    .getByRole('group', { name: BMP_ITEMS[0], exact: true })
    .getByRole('textbox')
    .fill('Fence down 20 ft at NE corner');
  await page
    .getByLabel('Conditions requiring corrective action')
    .fill('Re-trench and re-stake silt fence at NE corner.');
  await page.getByLabel('Areas not inspected and why').fill('None');
  // Who performed it (no certification here: that is signed once, by the inspector, below).
  const performer = page.getByRole('group', { name: 'Inspected by' });
  await performer.getByLabel('Name').fill('Carlos Cruz');
  await performer.getByLabel('Title or qualification').fill('Site foreman');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/, { timeout: 15_000 });
  await page.getByRole('group', { name: BMP_ITEMS[0], exact: true }).scrollIntoViewIfNeeded();
  await shot(page, info, '05-form-filled', true);

  // Nothing typed is lost: a reload shows the saved draft.
  await page.reload();
  await expect(page.getByLabel('Weather at time of inspection')).toHaveValue('Overcast, light wind, 64°F');
  await expect(page.getByLabel('Rain gauge reading')).toHaveValue('0.6');

  // 4. Submit (attaching no photos yet).
  await page.getByRole('button', { name: 'Submit inspection' }).click();
  await expect(page.getByText('Waiting for an inspector to certify it.')).toBeVisible();
  await expect(page.getByText('Submitted', { exact: true })).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, info, '06-submitted');

  // 5. The inspector certifies and publishes.
  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  await page.goto(inspectionUrl);
  await expect(page.getByRole('heading', { name: 'Certification (40 CFR 122.22(d))' })).toBeVisible();
  await expect(page.getByText('Inspected by Carlos Cruz, Site foreman')).toBeVisible();
  await page.getByRole('button', { name: 'Sign and certify' }).click();
  await expect(page.getByText('Confirm the certification statement')).toBeVisible();
  await page.getByLabel('I have read and make this certification.').check();
  await page.getByLabel('Full name (your typed signature)').fill('Ines Ibarra');
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Certified stormwater inspector');
  await page.getByLabel('Qualifications').fill('CPESC #1234');
  await shot(page, info, '07-sign');
  await page.getByRole('button', { name: 'Sign and certify' }).click();
  await expect(page.getByTestId('signature')).toContainText('Signed by Ines Ibarra, Certified stormwater inspector');
  // The report carries one signature: the certification.
  await expect(page.getByText(/Signed (by|as) /)).toHaveCount(1);
  await shot(page, info, '08-signed');
  await page.getByRole('button', { name: 'Publish inspection' }).click();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Amend (new revision)' })).toBeVisible();
  await shot(page, info, '09-published');

  // 6. Another organization's user: the URL is a plain 404.
  await signInAs(page, 'Bea Boltz', 'Bolt Builders');
  const response = await page.goto(inspectionUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('Riverside Apartments')).toHaveCount(0);
  await shot(page, info, '10-other-org-404');
});
