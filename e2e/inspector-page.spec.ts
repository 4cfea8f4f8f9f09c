import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { devices, expect, test, type Page, type TestInfo } from '@playwright/test';

/**
 * The QR page: an owner creates a link and prints the site-notice poster; a
 * phone with no session (and no JavaScript) opens the QR URL and sees the
 * published inspection; after revocation the same URL is the 404 page.
 */
test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => !isMobile, 'phone project only');

const dir = (info: TestInfo) => path.join(info.project.testDir, 'screenshots');

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: path.join(dir(info), `${info.project.name}-inspect-${name}.png`), fullPage: true });
}

async function signInAs(page: Page, name: string, orgName: string) {
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: new RegExp(`Sign in as ${name} \\(${orgName}\\)`) }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
}

let qrUrl = '';
let linksUrl = '';

test('an owner creates a link and prints the site-notice poster', async ({ page }, info) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto('/projects');
  await page
    .getByRole('link', { name: /Riverside/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Site notice and QR' }).click();
  await expect(page.getByRole('heading', { name: 'Inspector links and site notice' })).toBeVisible();
  await expect(page.getByText(/Part 1\.5/).first()).toBeVisible();
  linksUrl = page.url();

  // Creating a link is a sensitive action: a session without a recent second factor is asked to confirm it.
  await page.getByLabel(/^Label/).fill('Main gate');
  await page.getByRole('button', { name: 'Create link and poster' }).click();
  await expect(page.getByText(/confirm it’s you \(your second factor\)/)).toBeVisible();
  await expect(page.getByTestId('new-link')).toHaveCount(0);
  await shot(page, info, 'links-step-up-asked');
  await page.getByRole('link', { name: 'Confirm it’s you' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible();
  await shot(page, info, 'links-step-up-verify');
  await page.getByRole('button', { name: 'Verify second factor' }).click();
  await expect(page).toHaveURL(linksUrl);
  await page.getByLabel(/^Label/).fill('Main gate');
  await page.getByRole('button', { name: 'Create link and poster' }).click();
  const created = page.getByTestId('new-link');
  await expect(created).toBeVisible();
  qrUrl = await page.getByTestId('new-link-url').inputValue();
  expect(qrUrl).toMatch(/\/inspect\/[A-Za-z0-9_-]{43}$/);
  const poster = page.getByTestId('site-poster');
  await expect(poster.locator('svg')).toBeVisible();
  await expect(poster).toContainText('NPDES permit tracking number');
  await expect(poster).toContainText('Olivia Owens');
  await expect(poster).toContainText('report-environmental-violation');
  await shot(page, info, 'links-created');

  // The printed page: only the poster, on US Letter (and A4).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Create link and poster' })).toBeHidden();
  await expect(poster).toBeVisible();
  await shot(page, info, 'poster-print-media');
  const pdf = path.join(dir(info), `${info.project.name}-inspect-poster-letter.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await poster.evaluate((el) => el.setAttribute('data-paper', 'a4'));
  await page.pdf({ path: pdf.replace('letter', 'a4'), preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  // One page each (poppler's pdfinfo, when installed): the poster fits its sheet.
  if (existsSync('/usr/bin/pdfinfo')) {
    for (const [file, size] of [
      [pdf, '(letter)'],
      [pdf.replace('letter', 'a4'), '(A4)'],
    ] as const) {
      const infoText = execFileSync('/usr/bin/pdfinfo', [file]).toString();
      expect(infoText).toMatch(/Pages:\s+1\b/);
      expect(infoText).toContain(size);
    }
  }
});

test('a phone with no session and no JavaScript opens the QR URL and sees the published inspection', async ({
  browser,
}, info) => {
  const phone = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false });
  const page = await phone.newPage();
  const res = await page.goto(qrUrl);
  expect(res?.status()).toBe(200);
  expect(res?.headers()['cache-control']).toBe('private, no-store');
  expect(res?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  expect(res?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { name: 'Notice of permit coverage' })).toBeVisible();
  await expect(page.getByText('Silt fence intact; inlet protection cleaned.').first()).toBeVisible();
  await expect(page.getByText(/Part 1\.5/).first()).toBeVisible();
  const overflow = await page
    .evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    .catch(() => 0);
  expect(overflow).toBe(0);
  await shot(page, info, 'public-page');
  await phone.close();
});

test('after revocation the same URL is the 404 page, and the view was recorded for the org', async ({
  page,
  browser,
}, info) => {
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto(linksUrl);
  const link = page.getByTestId('inspector-link').filter({ hasText: 'Main gate' }).first();
  await expect(link).toContainText('1 view');
  await link.getByRole('button', { name: /Revoke link Main gate/ }).click();
  await expect(link).toContainText('Revoked');
  await shot(page, info, 'links-revoked');

  const phone = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false });
  const visitor = await phone.newPage();
  const res = await visitor.goto(qrUrl);
  expect(res?.status()).toBe(404);
  await expect(visitor.getByRole('heading', { name: 'Notice not found' })).toBeVisible();
  const unknown = await phone.request.get(qrUrl.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43)));
  expect(await unknown.text()).toBe(await res!.text());
  await shot(visitor, info, 'revoked-404');
  await phone.close();
});
