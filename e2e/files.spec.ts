import path from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import sharp from 'sharp';
import { signInAs } from './support/sign-in';

/**
 * Photos and documents on a phone: a crew member attaches two photos to a
 * failed BMP and sees upload progress, then thumbnails with their capture time
 * (one flagged as taken days before upload); an owner uploads a new SWPPP
 * version and the old one stays listed. The photos are made here with EXIF.
 */
test.describe.configure({ mode: 'serial' });

async function shot(page: Page, info: TestInfo, name: string, full = false) {
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', `files-${name}.png`), fullPage: full });
}


const exifTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');

async function cameraJpeg(takenAt: Date, color: string): Promise<Buffer> {
  // 3000×2000 like a phone camera: the browser resizes it to 2048 px before upload.
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: color } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'E2E', Model: 'Phone' },
      IFD2: { DateTimeOriginal: exifTime(takenAt), OffsetTimeOriginal: '+00:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 16/1 200/100', GPSLongitudeRef: 'W', GPSLongitude: '97/1 44/1 3500/100' },
    })
    .toBuffer();
}

test('crew attaches two photos to a failed BMP: progress, thumbnails, capture time', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the field flow is a phone flow');
  test.setTimeout(120_000);
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await page.goto('/inspections/new');
  await page.getByLabel('Project').selectOption({ label: 'Oak Park School Expansion' });
  await page.getByRole('button', { name: 'Start inspection' }).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);

  const row = page.getByRole('group', { name: 'Silt fence / perimeter controls intact', exact: true });
  await row.getByText('Fail', { exact: true }).click();
  await row.getByLabel(/Note/).fill('Fence down along the north edge');
  const picker = row.getByLabel(/Choose photos for Photos: Silt fence/);
  await expect(picker).toBeAttached();

  // A slow cellular uplink, so the progress bar is there to be seen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 2_000_000, uploadThroughput: 120_000 });

  const now = new Date();
  const old = new Date(now.getTime() - 3 * 86_400_000 - 3600_000);
  await picker.setInputFiles([
    { name: 'fence-north.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(now, '#6b8e23') },
    { name: 'fence-old.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(old, '#8b4513') },
  ]);
  const bar = row.getByRole('progressbar', { name: /Uploading fence-/ }).first();
  await expect(bar).toBeVisible();
  await bar.scrollIntoViewIfNeeded();
  await expect(row.getByText(/Uploading \d+%/).first()).toBeVisible();
  await shot(page, info, '01-progress');

  const grid = row.getByRole('list', { name: 'Photos' });
  await expect(grid.getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(grid.getByTestId('photo-taken-at')).toHaveCount(2);
  await expect(grid.getByText(/taken 3 days before upload/)).toHaveCount(1);
  await expect(grid.getByText('30.26722, -97.74306').first()).toBeVisible();
  for (const img of await grid.getByRole('img').all()) await expect(img).toHaveJSProperty('complete', true);
  expect(await grid.getByRole('img').first().evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await grid.scrollIntoViewIfNeeded();
  await shot(page, info, '02-thumbnails');

  // After a reload the photos come from the server (thumbnails made by the worker).
  await page.reload();
  const again = page.getByRole('group', { name: 'Silt fence / perimeter controls intact', exact: true }).getByRole('list', { name: 'Photos' });
  await expect(again.getByRole('listitem')).toHaveCount(2);
  await expect(async () => {
    await page.reload();
    const srcs = await page.getByRole('group', { name: 'Silt fence / perimeter controls intact', exact: true }).getByRole('list', { name: 'Photos' }).getByRole('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(srcs.every((s) => s.includes('thumb.webp'))).toBe(true);
  }).toPass({ timeout: 30_000 });
  await page.getByRole('group', { name: 'Silt fence / perimeter controls intact', exact: true }).scrollIntoViewIfNeeded();
  await shot(page, info, '03-after-reload');
});

test('owner uploads a new SWPPP version; the old one stays', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'phone viewport');
  test.setTimeout(90_000);
  await signInAs(page, 'Olivia Owens', 'Acme Site Works');
  await page.goto('/projects');
  await page.getByRole('link', { name: 'Oak Park School Expansion' }).first().click();
  const docs = page.getByRole('region', { name: 'Documents' });
  const pdf = (v: string) => Buffer.from(`%PDF-1.4\n% SWPPP ${v}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

  for (const v of ['rev-1', 'rev-2']) {
    await docs.getByLabel('Kind').selectOption('swppp');
    await docs.getByLabel(/^Title/).fill('Oak Park SWPPP');
    await docs.getByLabel(/^File/).setInputFiles({ name: `swppp-${v}.pdf`, mimeType: 'application/pdf', buffer: pdf(v) });
    await docs.getByRole('button', { name: 'Upload document' }).click();
    await expect(docs.getByRole('status')).toContainText(/Saved Oak Park SWPPP as version \d/);
  }
  await expect(docs.getByRole('link', { name: /Version 2 \(current\): swppp-rev-2\.pdf/ })).toBeVisible();
  await docs.getByText('1 earlier version').click();
  await expect(docs.getByRole('link', { name: /Version 1: swppp-rev-1\.pdf/ })).toBeVisible();
  await docs.scrollIntoViewIfNeeded();
  await shot(page, info, '04-documents');

  // The download is an attachment served through the checking route.
  const [download] = await Promise.all([page.waitForEvent('download'), docs.getByRole('link', { name: /Version 2 \(current\)/ }).click()]);
  expect(download.suggestedFilename()).toBe('swppp-rev-2.pdf');

  // A "PDF" that is a web page is refused with the reason.
  await docs.getByLabel(/^Title/).fill('Oak Park SWPPP');
  await docs.getByLabel(/^File/).setInputFiles({ name: 'swppp-rev-3.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await docs.getByRole('button', { name: 'Upload document' }).click();
  await expect(docs.getByRole('alert')).toContainText('not a PDF');
  await docs.getByRole('alert').scrollIntoViewIfNeeded();
  await shot(page, info, '05-refused');
});
