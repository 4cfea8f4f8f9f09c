import { axeViolations, expect, expectAccessible, test } from './support/test';

/**
 * The negative control of the axe-core check every spec runs: a page with a
 * planted violation (an input without a label) fails it; the same page with
 * the label passes.
 */
test('a planted unlabeled input fails the WCAG 2.2 AA scan; labelled, it passes', async ({ page }) => {
  const doc = (field: string) =>
    `<!doctype html><html lang="en"><head><title>Control</title></head><body><main><h1>Control</h1>${field}</main></body></html>`;
  await page.setContent(doc('<input type="text" name="amount">'));
  const found = await axeViolations(page);
  expect(found.some((v) => v.startsWith('label:'))).toBe(true);
  await expect(expectAccessible(page)).rejects.toThrow(/axe-core/);

  await page.setContent(doc('<label for="a">Amount</label><input id="a" type="text" name="amount">'));
  await expectAccessible(page);
});
