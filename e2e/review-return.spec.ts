import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

/**
 * An OSHA checklist from "New inspection", and a reviewer who sends a report
 * back: the crew member submits the daily site safety checklist, the
 * inspector returns it with a comment, the crew member sees why, fixes it and
 * submits again, and the inspector signs it once (the OSHA review statement;
 * an OSHA checklist is never published on the site's public page).
 */
test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => !isMobile, 'phone project only');

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `review-${name}.png`) });
}


const DAILY_ITEMS = [
  'Crew wearing required PPE (hard hats, vests, eye protection)',
  'Fall protection in place above 6 ft (29 CFR 1926.501)',
  'Ladders and scaffolds inspected and secured',
  'Excavations over 5 ft protected (sloping, shoring or trench box)',
  'Walkways clear; debris removed',
  'GFCI protection and cords in good condition',
];

test('OSHA daily checklist: submitted, returned with a comment, fixed, resubmitted, signed once', async ({ page }, info) => {
  test.setTimeout(150_000);
  const comment = `Walkways: say what was cleared and where (${Date.now()}).`;

  // 1. The crew member finds the OSHA checklists next to the EPA inspections.
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await page.goto('/inspections/new');
  await expect(page.getByText('OSHA safety (29 CFR 1926)')).toBeVisible();
  await expect(page.getByText(/Before work starts, every workday \(29 CFR 1926\.651\(k\)\(1\)/)).toBeVisible();
  await page.getByLabel('Project').selectOption({ label: 'Riverside Apartments' });
  await page.getByText('OSHA daily site safety', { exact: true }).click();
  await shot(page, info, '01-new-osha');
  await page.getByRole('button', { name: 'Start inspection' }).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  const url = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: 'OSHA daily site safety checklist', level: 1 })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Type of inspection' })).toHaveCount(0);

  for (const item of DAILY_ITEMS) {
    await page
      .getByRole('group', { name: item, exact: true })
      .getByText(item.startsWith('Walkways') ? 'No' : 'Yes', { exact: true })
      .click();
  }
  await page.getByLabel('Hazards found and actions taken').fill('Debris on the walkway.');
  await page.getByRole('group', { name: 'Competent person' }).getByLabel('Name').fill('Carlos Cruz');
  await shot(page, info, '02-osha-filled');
  await page.getByRole('button', { name: 'Submit inspection' }).click();
  await expect(page.getByText('Waiting for an inspector to certify it.')).toBeVisible({ timeout: 20_000 });

  // 2. The inspector sends it back with a comment.
  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Competent person review' })).toBeVisible();
  await expect(page.getByText('Inspected by Carlos Cruz')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish inspection' })).toHaveCount(0);
  await page.getByText('Return to the author with a comment').click();
  await page.getByRole('button', { name: 'Return to author' }).click();
  await expect(page.getByText('Say what needs to change')).toBeVisible();
  await page.getByLabel('What needs to change').fill(comment);
  await shot(page, info, '03-return-comment');
  await page.getByRole('button', { name: 'Return to author' }).click();
  await expect(page.getByTestId('returned-notice')).toContainText(comment, { timeout: 20_000 });

  // 3. The author sees it returned in the list and why on the inspection, edits and submits again.
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await page.goto('/inspections');
  await expect(page.locator(`a[href="${url}"]`)).toContainText('Returned');
  await page.goto(url);
  const notice = page.getByTestId('returned-notice');
  await expect(notice).toContainText('Ines Ibarra returned this report on');
  await expect(notice).toContainText(comment);
  await expect(notice).toContainText(/[AP]M C[SD]T|[AP]M [A-Z]{2,4}/);
  await expect(page.getByLabel('Hazards found and actions taken')).toHaveValue('Debris on the walkway.');
  await shot(page, info, '04-returned-author');
  await page.getByLabel('Hazards found and actions taken').fill('Debris on the east stair walkway; cleared at 6:40 before work.');
  await page.getByRole('button', { name: 'Submit inspection' }).click();
  await expect(page.getByText('Waiting for an inspector to certify it.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('returned-notice')).toHaveCount(0);

  // 4. Signed once, with the OSHA statement; not publishable.
  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  await page.goto(url);
  await expect(page.getByText(/I am a competent person designated by the employer/)).toBeVisible();
  await page.getByLabel('I have read and make this certification.').check();
  await page.getByLabel('Full name (your typed signature)').fill('Ines Ibarra');
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Site safety manager');
  await page.getByLabel('Qualifications').fill('OSHA 30-hour construction');
  await page.getByRole('button', { name: 'Sign and certify' }).click();
  await expect(page.getByTestId('signature')).toContainText('Signed by Ines Ibarra, Site safety manager', { timeout: 20_000 });
  await expect(page.getByText(/Signed (by|as) /)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Publish inspection' })).toHaveCount(0);
  await shot(page, info, '05-signed');

  // 5. Listed with the EPA inspections.
  await page.goto('/inspections');
  await expect(page.getByText('OSHA daily site safety').first()).toBeVisible();
});
