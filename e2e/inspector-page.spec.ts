import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { devices, type Page, type TestInfo } from '@playwright/test';
import sharp from 'sharp';
import { BMP_ITEMS } from './support/epa-checklist';
import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

/**
 * The QR page: an owner creates a link and prints the site-notice poster; a
 * phone with no session (and no JavaScript) opens the QR URL and sees the
 * published inspection; a published inspection's photo and the SWPPP the
 * owner chose to publish show there too; after revocation the same URL is the 404 page.
 */
test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => !isMobile, 'phone project only');

const dir = (info: TestInfo) => path.join(info.project.testDir, 'screenshots');

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: path.join(dir(info), `${info.project.name}-inspect-${name}.png`), fullPage: true });
}


let qrUrl = '';
let linksUrl = '';

test('an owner creates a link and prints the site-notice poster', async ({ page }, info) => {
  test.setTimeout(120_000); // sign-in, step-up and two PDFs: more than the default on a loaded 2-core machine
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
  test.setTimeout(60_000);
  const phone = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false });
  const page = await phone.newPage();
  const res = await page.goto(qrUrl);
  expect(res?.status()).toBe(200);
  // No internal id in what the phone received: no UUID, no Clerk org id, no object key.
  const served = await res!.text();
  expect(served).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  expect(served).not.toMatch(/org_[A-Za-z0-9]|tenants\/|X-Amz-/);
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

/** A crew member records an inspection on Riverside with one photo on a failed BMP; the inspector signs and publishes it. */
async function publishInspectionWithPhoto(page: Page) {
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await page.goto('/inspections/new');
  await page.getByLabel('Project').selectOption({ label: 'Riverside Apartments' });
  await page.getByRole('button', { name: 'Start inspection' }).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  const inspectionUrl = new URL(page.url()).pathname;
  await page.getByLabel('Weather at time of inspection').fill('Clear, 70°F');
  await page.getByLabel('Rain gauge reading').fill('0');
  await page.getByRole('group', { name: 'Is a discharge occurring now?' }).getByText('No', { exact: true }).click();
  for (const item of BMP_ITEMS) {
    await page.getByRole('group', { name: item, exact: true }).getByText(item === BMP_ITEMS[0] ? 'Fail' : 'Pass', { exact: true }).click();
  }
  const row = page.getByRole('group', { name: BMP_ITEMS[0], exact: true });
  await row.getByRole('textbox').first().fill('Silt fence sagging at the east outfall');
  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2e7d32' } })
    .composite([{ input: Buffer.from('<svg width="1200" height="900"><rect x="150" y="350" width="900" height="200" fill="#f9a825"/></svg>') }])
    .jpeg({ quality: 85 })
    .toBuffer();
  await row.getByLabel(/Choose photos for Photos: Silt fence/).setInputFiles({ name: 'east-outfall.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(row.getByRole('list', { name: 'Photos' }).getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });
  await page.getByLabel('Conditions requiring corrective action').fill('Re-stake the silt fence at the east outfall.');
  await page.getByLabel('Areas not inspected and why').fill('None');
  // Who performed it (the certification is signed once, later, by the qualified person).
  await page.getByRole('group', { name: 'Inspected by' }).getByLabel('Name').fill('Carlos Cruz');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Submit inspection' }).click();
  await expect(page.getByText('Submitted', { exact: true })).toBeVisible();

  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  await page.goto(inspectionUrl);
  await page.getByRole('button', { name: 'Sign and certify' }).click();
  await expect(page.getByText('Confirm the certification statement')).toBeVisible();
  await page.getByLabel('I have read and make this certification.').check();
  await page.getByLabel('Full name (your typed signature)').fill('Ines Ibarra');
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Certified stormwater inspector');
  await page.getByLabel('Qualifications').fill('EPA CGP inspector training, 2025');
  await page.getByRole('button', { name: 'Sign and certify' }).click();
  await expect(page.getByTestId('signature')).toContainText('Signed by Ines Ibarra');
  await page.getByRole('button', { name: 'Publish inspection' }).click();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
}

test('a published photo shows on the public page, and the SWPPP downloads once the owner publishes it', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  await publishInspectionWithPhoto(page);

  // The owner uploads the SWPPP, makes a second link, and checks the page before publishing the SWPPP.
  await signInAs(page, 'Olivia Owens', 'Acme Site Works', { secondFactor: true });
  await page.goto(linksUrl.replace(/\/inspector-links$/, ''));
  const docs = page.getByRole('region', { name: 'Documents' });
  await docs.getByLabel('Kind').selectOption('swppp');
  await docs.getByLabel(/^Title/).fill('Riverside SWPPP');
  const pdf = Buffer.from('%PDF-1.4\n% Riverside SWPPP\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await docs.getByLabel(/^File/).setInputFiles({ name: 'riverside-swppp.pdf', mimeType: 'application/pdf', buffer: pdf });
  await docs.getByRole('button', { name: 'Upload document' }).click();
  await expect(docs.getByRole('status')).toContainText(/Saved Riverside SWPPP as version \d/);

  await page.goto(linksUrl);
  await page.getByLabel(/^Label/).fill('Photo gate');
  await page.getByRole('button', { name: 'Create link and poster' }).click();
  const url = await page.getByTestId('new-link-url').inputValue();

  const phone = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false });
  const visitor = await phone.newPage();
  const images: { status: number; type: string }[] = [];
  visitor.on('response', (r) => {
    if (r.request().resourceType() === 'image' && new URL(r.url()).pathname.startsWith('/inspect-file/'))
      images.push({ status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  await visitor.goto(url);
  await expect(visitor.getByRole('heading', { name: 'Notice of permit coverage' })).toBeVisible();
  await expect(visitor.getByText('Download the current SWPPP')).toHaveCount(0);
  const photo = visitor.getByRole('img', { name: /^Photo 1 of 1, routine inspection$/ }).first();
  await photo.scrollIntoViewIfNeeded();
  await expect(photo).toBeVisible();
  // The sealed image address loaded (same origin, so the CSP's img-src 'self' admits it).
  await expect.poll(() => images.filter((i) => i.status === 200 && i.type.startsWith('image/')).length).toBeGreaterThan(0);
  await expect(visitor.getByText(/Times in the site’s time zone: [A-Za-z_/ ]+, [A-Z]{2,5}/)).toBeVisible();
  await visitor.screenshot({ path: path.join(dir(info), `${info.project.name}-inspect-public-photo.png`) });
  await shot(visitor, info, 'public-photo-full');

  // The owner publishes the current SWPPP (audited); the poster and the page now say where to read it.
  await page.goto(linksUrl);
  await page.getByRole('button', { name: 'Show the current SWPPP on the public page' }).click();
  await expect(page.getByTestId('public-swppp-state')).toContainText('The public page links “Riverside SWPPP”');
  await shot(page, info, 'swppp-published');

  await visitor.reload();
  const swppp = visitor.getByRole('link', { name: /Download the current SWPPP: Riverside SWPPP/ });
  await expect(swppp).toBeVisible();
  await expect(visitor.getByText(/The current SWPPP can be read online/)).toBeVisible();
  // With a photo and the SWPPP on it, the page still carries no id: its file addresses are sealed.
  const withFiles = await visitor.content();
  expect(withFiles).toContain('/inspect-file/');
  expect(withFiles).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  expect(withFiles).not.toMatch(/org_[A-Za-z0-9]|tenants\/|X-Amz-/);
  await swppp.scrollIntoViewIfNeeded();
  await shot(visitor, info, 'public-swppp');
  const [download] = await Promise.all([visitor.waitForEvent('download'), swppp.click()]);
  expect(download.suggestedFilename()).toBe('riverside-swppp.pdf');
  const saved = path.join(dir(info), `${info.project.name}-inspect-swppp-download.pdf`);
  await download.saveAs(saved);
  expect((await import('node:fs')).readFileSync(saved, 'utf8')).toContain('Riverside SWPPP');
  await phone.close();
});

test('after revocation the same URL is the 404 page, and the view was recorded for the org', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(90_000);
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto(linksUrl);
  const link = page.getByTestId('inspector-link').filter({ hasText: 'Main gate' }).first();
  await expect(link).toContainText('1 view');
  await link.getByRole('button', { name: /Revoke link Main gate/ }).click();
  await expect(link).toContainText('Revoked', { timeout: 20_000 }); // a server action on a loaded machine
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
