import path from 'node:path';
import sharp from 'sharp';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

// Local identity mode, seeded orgs. Olivia (Acme owner) changes the rain threshold and invites a
// member who accepts in another browser; Carlos (Acme crew) gets the 403 page; a newcomer creates a
// company and lands on its empty dashboard. Names are unique per run: the e2e database is shared.


const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `${info.project.name}-${name}.png`), fullPage: true });

// Several page loads and two browsers per test on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

const noSideScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

test('an owner changes the rain threshold from the account menu; a crew member gets the forbidden page', async ({ page, context }, testInfo) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works', { secondFactor: true });
  await page.getByRole('button', { name: /account menu for Olivia Owens/i }).or(page.getByLabel(/account menu for Olivia Owens/i)).first().click();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  const rules = page.getByRole('form', { name: 'Compliance rules' });
  const threshold = rules.getByLabel(/Rain threshold/);
  const next = (await threshold.inputValue()) === '0.40' ? '0.35' : '0.40';
  await threshold.fill(next);
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules.getByRole('status')).toContainText('Rules saved');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Compliance rules' }).getByLabel(/Rain threshold/)).toHaveValue(next);

  // A bad value: every error named, nothing saved.
  await page.getByRole('form', { name: 'Compliance rules' }).getByLabel(/Rain threshold/).fill('40');
  await page.getByRole('form', { name: 'Compliance rules' }).getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByRole('form', { name: 'Compliance rules' }).getByRole('alert')).toContainText('between 0.01 and 10');
  await noSideScroll(page);
  await shot(page, testInfo, 'settings');

  // The audit log shows old → new.
  await page.goto('/audit?entityType=compliance_settings');
  await expect(page.getByText(next).first()).toBeVisible();

  await context.clearCookies();
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works', { secondFactor: true });
  const res = await page.goto('/settings');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('You can’t open this page');
  expect((await page.goto('/members'))?.status()).toBe(403);
  await shot(page, testInfo, 'settings-forbidden');
});

test('an owner sets the company logo: previewed, refused when it is not an image, saved and shown again after a reload', async ({ page }, testInfo) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works', { secondFactor: true });
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Organization logo' });
  // A web page renamed .png: the browser-side check lets the type through, the server reads the bytes.
  await form.getByLabel(/^Logo/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
  await form.getByRole('button', { name: 'Save logo' }).click();
  await expect(form.getByRole('alert')).toContainText('not a PNG image');

  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80"><rect width="240" height="80" rx="10" fill="#1e3a8a"/><text x="120" y="52" font-family="sans-serif" font-size="34" font-weight="bold" fill="#fbbf24" text-anchor="middle">ACME</text></svg>';
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  await form.getByLabel(/^Logo/).setInputFiles({ name: 'acme.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: 'The chosen logo (not saved yet)' })).toBeVisible();
  await form.getByRole('button', { name: 'Save logo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Logo saved' })).toBeVisible();
  await page.reload();
  const stored = page.getByRole('img', { name: 'Your organization’s logo' });
  await expect(stored).toBeVisible();
  // Loaded from the bucket through its presigned URL (the CSP admits it): it has pixels.
  await expect.poll(() => stored.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await shot(page, testInfo, 'settings-logo');
});

test('an owner invites a member who accepts the link and lands on the dashboard', async ({ page, browser }, testInfo) => {
  const email = `new-${testInfo.project.name}-${Date.now()}@example.test`;
  await signInAs(page, 'Olivia Owens', 'Acme Site Works', { secondFactor: true });
  await page.goto('/members');
  await expect(page.getByRole('heading', { name: 'Members and roles' })).toBeVisible();
  const invite = page.getByRole('form', { name: 'Invite a member' });
  await invite.getByLabel('Email').fill(email);
  await invite.getByLabel('Role').selectOption('inspector');
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await page.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/\/invite\/org_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Open invitations' })).toContainText(email);
  await noSideScroll(page);
  await shot(page, testInfo, 'members');

  // The new member, in a browser of their own.
  const other = await browser.newContext({ ...(testInfo.project.use as object) });
  const invitee = await other.newPage();
  await invitee.goto(link);
  await invitee.getByLabel('First name').fill('Nadia');
  await invitee.getByLabel('Last name').fill('Quinn');
  await shot(invitee, testInfo, 'invite-accept');
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
  await expect(invitee.getByTestId('signed-in-user').or(invitee.getByLabel(/account menu for Nadia Quinn/i)).first()).toBeAttached();
  // A used link is refused.
  await invitee.goto(link);
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee.getByRole('form', { name: 'Accept invitation' }).getByRole('alert')).toContainText('not valid any more');
  await other.close();

  await page.reload();
  await expect(page.getByRole('list', { name: 'Members' })).toContainText('Nadia Quinn');
  await expect(page.getByRole('list', { name: 'Members' })).toContainText('Inspector');
});

test('a newcomer creates a company in local mode and lands on its empty dashboard', async ({ page }, testInfo) => {
  await page.goto('/sign-in');
  const start = page.getByRole('form', { name: 'New to BrAve Forms' });
  await start.getByLabel('First name').fill('Nora');
  await start.getByLabel('Last name').fill('Newman');
  await start.getByRole('button', { name: 'Start as a new user' }).click();
  await expect(page).toHaveURL(/\/select-org$/);
  await expect(page.getByText('You are not a member of any organization yet')).toBeVisible();
  const company = `Newman Grading ${testInfo.project.name} ${Date.now()}`;
  const create = page.getByRole('form', { name: 'Create organization' });
  await create.getByLabel('Company name').fill(company);
  await shot(page, testInfo, 'create-organization');
  await create.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
  await expect(page.getByText(company).first()).toBeVisible();
  // A fresh tenant: no projects at all.
  await page.goto('/projects');
  await expect(page.getByText(/no projects/i).first()).toBeVisible();
  // Its owner may open the settings and the plan.
  await page.goto('/billing');
  await expect(page.getByTestId('plan-name')).toHaveText('Trial');
  await page.goto('/usage');
  await expect(page.getByTestId('limit-projects')).toHaveText('0 of 25');
  await noSideScroll(page);
  await shot(page, testInfo, 'usage');
});
