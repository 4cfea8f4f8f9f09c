import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** WCAG 2.2 AA, as the issue asks: every level-A and AA rule of 2.0, 2.1 and 2.2. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per violated rule and the elements that break it, readable in a failed expectation. */
function describe(v: { id: string; help: string; nodes: { target: unknown[] }[] }): string {
  return `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
}

/** axe-core's WCAG 2.2 AA violations on the page as it is now (HTML pages only). */
export async function axeViolations(page: Page): Promise<string[]> {
  const html = await page.evaluate(() => document.contentType === 'text/html').catch(() => false);
  if (!html) return [];
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(describe);
}

/** Fails the test when axe-core finds any WCAG 2.2 AA violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page), `axe-core (WCAG 2.2 AA) on ${page.url()}`).toEqual([]);
}

/**
 * Playwright's `test`, plus an automatic axe-core scan of every page still open
 * in the test's context when a test body passes (the page the spec ended on).
 * Specs call `expectAccessible(page)` on each other page they visit. Every spec
 * imports `test` from here (an ESLint rule in eslint.config.mjs says so).
 */
export const test = base.extend<{ axeOnFinish: void }>({
  axeOnFinish: [
    async ({ context, baseURL }, use, info) => {
      await use();
      if (info.status !== info.expectedStatus || info.status !== 'passed') return;
      for (const page of context.pages()) {
        if (page.isClosed() || !baseURL || !page.url().startsWith(baseURL)) continue;
        await expectAccessible(page);
      }
    },
    { auto: true },
  ],
});

export { expect };
