import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { importPKCS8 } from 'jose';
import { sessionClaims, signSessionToken } from '../lib/auth/session-token';
import { signInAs } from './support/sign-in';

// Local identity mode (AUTH_MODE=local, set by `npm run e2e:server`): seeded users, no Clerk account.
// Both demo orgs have the same project names; addresses tell them apart (Austin = Acme, Dallas = Bolt).


async function projectsText(page: Page) {
  await page.goto('/projects');
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  return page.getByRole('main').innerText();
}

test('a crew member of Acme sees only Acme data, then signs out', async ({ page }, testInfo) => {
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/sign-in\?redirect_url=%2Fprojects$/);

  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  const text = await projectsText(page);
  expect(text).toContain('Riverside Apartments');
  expect(text).toContain('Austin, TX');
  expect(text).not.toContain('Dallas, TX');
  await page.screenshot({ path: path.join(testInfo.project.testDir, 'screenshots', `${testInfo.project.name}-projects-acme.png`), fullPage: true });

  await page.getByLabel('Account menu for Carlos Cruz').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/sign-in\?redirect_url=/);
});

test('Dana (admin in Acme, crew in Bolt) switches to Bolt and sees only Bolt data', async ({ page }) => {
  await signInAs(page, 'Dana Reyes', 'Acme Site Works');
  expect(await projectsText(page)).toContain('Austin, TX');

  await page.getByLabel(/Organization: Acme Site Works/).click();
  await page.getByRole('button', { name: /Switch to Bolt Builders/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
  await expect(page.getByLabel(/Organization: Bolt Builders/)).toBeVisible();

  const text = await projectsText(page);
  expect(text).toContain('Dallas, TX');
  expect(text).not.toContain('Austin, TX');
});

test('an expired session goes back to our sign-in page, never to Clerk', async ({ page, context, baseURL }) => {
  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  const key = await importPKCS8(readFileSync('.data/local-auth/private.pem', 'utf8'), 'RS256');
  const claims = sessionClaims({
    userId: 'user_acme_inspector',
    sessionId: 'sess_e2e',
    azp: new URL(baseURL!).origin,
    org: { id: 'org_2acme0000000000000000000', slug: 'acme', role: 'inspector' },
    ttlSeconds: 60,
    now: Math.floor(Date.now() / 1000) - 3600,
  });
  const token = await signSessionToken(claims, key);
  await context.addCookies([
    { name: '__session', value: token, url: baseURL! },
    { name: '__client_uat', value: String(claims.iat), url: baseURL! },
  ]);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/sign-in\?redirect_url=%2Fprojects$/);
  await expect(page.getByRole('status')).toContainText('session ended');
  expect(requests.filter((u) => !u.startsWith(new URL(baseURL!).origin))).toEqual([]);
});
