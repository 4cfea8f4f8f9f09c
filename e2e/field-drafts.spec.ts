import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

/**
 * Field forms on a phone with a bad signal: what a crew member types is kept
 * on the device across a reload, and a submit whose answer was lost is a
 * replay of the same create (the draft kept its idempotency key), not a
 * second entry.
 */
test.describe.configure({ mode: 'serial' });
// Phone only: the field is where signal drops, and one project keeps the shared demo data predictable.
test.skip(({ isMobile }) => !isMobile, 'phone project only');


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

test('a rain entry survives a reload, and a retry after a lost answer records it once', async ({ page }) => {
  // A unique amount so this run's entry can be counted in the list.
  const amount = (5 + (Date.now() % 4000) / 100).toFixed(2);
  await signInAs(page, 'Carlos Cruz', 'Acme Site Works');
  await page.goto('/rain-events');
  const rain = page.getByRole('form', { name: 'Record rain' });
  await rain.getByLabel(/Project/).selectOption({ label: 'Riverside Apartments' });
  await rain.getByLabel(/Rain \(inches\)/).fill(amount);
  await rain.getByLabel(/Started/).fill(localInput(3));
  await expect(rain.getByText('Draft saved on this device.')).toBeVisible();
  const key = await rain.locator('input[name="idempotencyKey"]').inputValue();

  await page.reload();
  await expect(rain.getByText('Restored your unsent draft from this device.')).toBeVisible();
  await expect(rain.getByLabel(/Rain \(inches\)/)).toHaveValue(amount);
  await expect(rain.locator('input[name="idempotencyKey"]')).toHaveValue(key);

  // The save reaches the server, but the answer never reaches the phone.
  let taken = false;
  let lost = false;
  await page.route('**/rain-events', async (route) => {
    if (route.request().method() !== 'POST' || taken) return route.fallback();
    taken = true;
    await route.fetch(); // the server records it…
    await route.abort('failed'); // …and the phone never hears back
    lost = true;
  });
  await rain.getByRole('button', { name: 'Save rain entry' }).click();
  await expect.poll(() => lost, { timeout: 20_000 }).toBe(true);
  await page.unroute('**/rain-events');

  // Back with signal: reopen the page, the draft (and its key) is still there; save again.
  await page.goto('/rain-events');
  const entries = page.getByRole('list', { name: 'Rain events' }).getByRole('listitem');
  const ours = entries.filter({ hasText: `${amount} in` });
  await expect(ours).toHaveCount(1); // the server has it; the phone doesn't know
  await expect(rain.getByText('Restored your unsent draft from this device.')).toBeVisible();
  await expect(rain.locator('input[name="idempotencyKey"]')).toHaveValue(key);
  await rain.getByRole('button', { name: 'Save rain entry' }).click();
  await expect(rain.getByText('Rain entry saved.')).toBeVisible({ timeout: 20_000 });
  await expect(rain.locator('input[name="idempotencyKey"]')).not.toHaveValue(key);
  await expect(rain.getByLabel(/Rain \(inches\)/)).toHaveValue('');

  await page.reload();
  await expect(ours).toHaveCount(1); // the retry was a replay, not a second entry
  await expect(rain.getByText('Restored your unsent draft from this device.')).toHaveCount(0);
});

test('a violation draft survives a reload and is gone once recorded', async ({ page }) => {
  await signInAs(page, 'Ines Ibarra', 'Acme Site Works');
  await page.goto('/violations/new');
  await page.getByLabel(/^Project/).selectOption({ label: 'Riverside Apartments' });
  await page.getByLabel(/^Violation type/).selectOption({ index: 1 });
  const type = await page.getByLabel(/^Violation type/).inputValue();
  await page.getByLabel(/What was found/).fill('Silt fence down along the north swale');
  await expect(page.getByText('Draft saved on this device.')).toBeVisible();

  await page.reload();
  await expect(page.getByText('Restored your unsent draft from this device.')).toBeVisible();
  await expect(page.getByLabel(/What was found/)).toHaveValue('Silt fence down along the north swale');
  await expect(page.getByLabel(/^Violation type/)).toHaveValue(type);

  await page.getByRole('button', { name: 'Record violation' }).click();
  await expect(page).toHaveURL(/\/violations\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await page.goto('/violations/new');
  await expect(page.getByLabel(/What was found/)).toHaveValue('');
  await expect(page.getByText('Restored your unsent draft from this device.')).toHaveCount(0);
});
