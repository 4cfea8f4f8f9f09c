import path from 'node:path';
import { expect, expectAccessible, test } from './support/test';

/**
 * A site in Chicago, a phone set to Tokyo: the time typed for a rain entry is
 * read in the site's zone (never the phone's), stored as UTC, and shown with
 * the site's abbreviation on the project page; the API returns the instant.
 */
test.use({ timezoneId: 'Asia/Tokyo' });
test.skip(({ isMobile }) => !isMobile, 'phone project only');

test('a time typed at a Chicago site shows as Chicago time on a phone set to Tokyo, and the API has its UTC instant', async ({
  page,
}, info) => {
  test.setTimeout(90_000);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
  await page.goto('/sign-in');
  await page.getByRole('button', { name: /Sign in as Dana Reyes \(Acme Site Works\)/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });

  await page.goto('/projects');
  await page
    .getByRole('link', { name: /Hillcrest Retail Center/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Site time zone').selectOption('America/Chicago');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Hillcrest Retail Center', level: 1 })).toBeVisible({ timeout: 20_000 });
  const projectId = new URL(page.url()).pathname.split('/').pop()!;

  // A unique amount finds this run's entry; 07:11 on May 4 in Chicago is 12:11 UTC (CDT, −5).
  const amount = (10 + (Date.now() % 3000) / 100).toFixed(2);
  await page.getByLabel(/Rain \(inches\)/).fill(amount);
  await page.getByLabel(/Started/).fill('2026-05-04T07:11');
  await expect(page.getByText('Site time: May 4, 2026, 7:11 AM CDT')).toBeVisible();
  await page.getByRole('button', { name: 'Save rain entry' }).click();
  const entry = page
    .getByRole('list', { name: 'Rain events' })
    .getByRole('listitem')
    .filter({ hasText: `${amount} in` });
  await expect(entry).toContainText('May 4, 2026, 7:11 AM CDT');
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', 'site-time-zone-project.png') });

  const res = await page.request.get(`/api/v1/rain-events?projectId=${projectId}&limit=100`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { amountInches: string; startedAt: string }[] };
  expect(items.filter((r) => Number(r.amountInches).toFixed(2) === amount).map((r) => r.startedAt)).toEqual([
    '2026-05-04T12:11:00.000Z',
  ]);

  // A violation found at 07:11 site time: the same words on its page and in the audit log, the instant in the API.
  await page.goto(`/violations/new?projectId=${projectId}`);
  await expectAccessible(page);
  const description = `Silt fence down at the north swale, run ${amount}`;
  await page.getByLabel('Violation type').selectOption({ index: 1 });
  await page.getByLabel('What was found').fill(description);
  const foundAt = page.getByLabel('Found at');
  // The DST edges, read in Chicago whatever the phone's zone: a skipped time is shifted and says so…
  await foundAt.fill('2026-03-08T02:30');
  await expect(page.getByText('That time is skipped when clocks spring forward: saved as Mar 8, 2026, 3:30 AM CDT')).toBeVisible();
  // …the repeated hour is its first (daylight) occurrence; January is standard time.
  await foundAt.fill('2026-11-01T01:30');
  await expect(page.getByText('Site time: Nov 1, 2026, 1:30 AM CDT')).toBeVisible();
  await foundAt.fill('2026-01-04T07:11');
  await expect(page.getByText('Site time: Jan 4, 2026, 7:11 AM CST')).toBeVisible();
  await foundAt.fill('2026-05-04T07:11');
  await expect(page.getByText('Site time: May 4, 2026, 7:11 AM CDT')).toBeVisible();
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', 'site-time-zone-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Record violation' }).click();
  await expect(page).toHaveURL(/\/violations\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const violationId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByText('May 4, 2026, 7:11 AM CDT').first()).toBeVisible();
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', 'site-time-zone-violation.png') });

  await page.goto('/audit?entityType=violation');
  const auditEntry = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').filter({ hasText: description });
  await expect(auditEntry).toContainText('May 4, 2026, 7:11 AM CDT');
  await page.screenshot({ path: path.join(info.project.testDir, 'screenshots', 'site-time-zone-audit.png') });

  const api = await page.request.get(`/api/v1/violations/${violationId}`);
  expect(api.ok()).toBe(true);
  const body = (await api.json()) as { foundAt?: string; violation?: { foundAt: string } };
  expect(body.foundAt ?? body.violation?.foundAt).toBe('2026-05-04T12:11:00.000Z');
});
