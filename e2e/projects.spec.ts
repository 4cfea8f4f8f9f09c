import path from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

/**
 * Projects and rain on a phone: a superintendent creates a job site (first
 * seeing every field error at once), records rain on it, finds it in the list;
 * a user of the other organization gets a plain 404 for its URL.
 */
test.describe.configure({ mode: 'serial' });

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({
    path: path.join(info.project.testDir, 'screenshots', `${info.project.name}-projects-${name}.png`),
    fullPage: true,
  });
}


async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
}

/**
 * `datetime-local` value for "hours ago" at the site: rain times are typed in the project's zone,
 * here the demo organization's (America/New_York), never the phone's.
 */
function localInput(hoursAgo: number, timeZone = 'America/New_York') {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() - hoursAgo * 3_600_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

let projectUrl = '';
const name = `Lakeside Townhomes ${Date.now().toString(36)}`;

test('a superintendent creates a project, records rain and finds it in the list', async ({ page }, info) => {
  await signInAs(page, 'Sam Sutter', 'Acme Site Works');
  await page.goto('/projects');
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'New project' }).click();
  await expect(page.getByRole('heading', { name: 'New project' })).toBeVisible();

  // Every mistake is reported at once, next to its field; focus lands on the first.
  await page.getByLabel('Coverage start').fill('2026-05-01');
  await page.getByLabel('Termination').fill('2026-04-01');
  await page.getByLabel(/Disturbed area/).fill('-2');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.locator('#project-form-error')).toHaveText('Please correct the highlighted fields.');
  await expect(page.getByText('Enter the project name.')).toBeVisible();
  await expect(page.getByText('Permit termination must be on or after the coverage start.')).toBeVisible();
  await expect(page.getByText('The disturbed area must be between 0 and 100000 acres.')).toBeVisible();
  await expect(page.getByLabel(/Project name/)).toBeFocused();
  await expect(page.getByLabel('Termination')).toHaveValue('2026-04-01'); // nothing typed is lost
  await noSidewaysScroll(page);
  await shot(page, info, 'new-errors');

  await page.getByLabel(/Project name/).fill(name);
  await page.getByLabel('Site address').fill('9 Shore Dr, Austin, TX');
  await page.getByLabel('NPDES permit ID').fill('txr15lk01');
  await page.getByLabel('Termination').fill('2027-04-01');
  await page.getByLabel(/Disturbed area/).fill('12.5');
  await page.locator('#project-receivingWater').fill('Lady Bird Lake');
  await page.getByLabel(/Sensitive water/).check();
  await page.getByLabel('Inspection schedule').selectOption('every_14_days_and_storm');
  await page.getByRole('button', { name: 'Create project' }).click();

  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  projectUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId('permit')).toHaveText('TXR15LK01');
  await expect(page.getByText('Sensitive water').first()).toBeVisible();

  // A rain entry: a bad amount first, then a good one.
  const rain = page.getByRole('form', { name: 'Record rain' });
  await rain.getByLabel(/Rain \(inches\)/).fill('51');
  await rain.getByRole('button', { name: 'Save rain entry' }).click();
  await expect(rain.getByText('The rain amount must be between 0 and 50 inches.')).toBeVisible();
  await expect(rain.getByText('Enter when the rain started.')).toBeVisible();
  await rain.getByLabel(/Rain \(inches\)/).fill('0.6');
  await rain.getByLabel(/Started/).fill(localInput(6));
  await rain.getByLabel(/Ended/).fill(localInput(4));
  await rain.getByRole('button', { name: 'Save rain entry' }).click();
  await expect(rain.getByRole('status')).toHaveText('Rain entry saved.');
  await expect(page.getByRole('list', { name: 'Rain events' })).toContainText('0.60 in');
  await noSidewaysScroll(page);
  await shot(page, info, 'detail');

  await page.goto('/projects');
  await page.getByRole('searchbox').fill(name.split(' ').at(-1)!);
  await page.getByRole('button', { name: 'Search' }).click();
  const list = page.getByRole('list', { name: 'Projects' });
  await expect(list.getByRole('link', { name })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await noSidewaysScroll(page);
  await page.goto('/projects');
  await shot(page, info, 'list');

  await page.goto('/rain-events');
  await expect(page.getByRole('img', { name: /Rain per day, last 14 days/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Rain events' })).toContainText(name);
  await noSidewaysScroll(page);
  await shot(page, info, 'rain-events');
});

test('the edit form saves, and archiving asks first', async ({ page }, info) => {
  test.skip(!projectUrl, 'needs the project of the first test');
  await signInAs(page, 'Sam Sutter', 'Acme Site Works');
  await page.goto(`${projectUrl}/edit`);
  await page.locator('#project-receivingWater').fill('Colorado River');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`${projectUrl}$`));
  await expect(page.getByText('Colorado River')).toBeVisible();

  await page.getByRole('button', { name: 'Archive project' }).click();
  await expect(page.getByText(/It leaves the active list/)).toBeFocused();
  await shot(page, info, 'archive-confirm');
  await page.getByRole('button', { name: 'Yes, archive' }).click();
  await expect(page.getByText(/Status:\s*Archived/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive project' })).toHaveCount(0);
});

test('a user of another organization gets 404 for the project URL', async ({ page }, info) => {
  test.skip(!projectUrl, 'needs the project of the first test');
  await signInAs(page, 'Bea Boltz', 'Bolt Builders');
  const response = await page.goto(projectUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  expect((await page.goto(`${projectUrl}/edit`))?.status()).toBe(404);
  expect((await page.goto('/projects/not-a-uuid'))?.status()).toBe(404);
  const api = await page.request.get(`/api/v1${projectUrl}`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  await shot(page, info, 'other-org-404');
});
