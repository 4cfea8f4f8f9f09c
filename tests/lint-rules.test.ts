import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lint from the repository root so eslint.config.mjs and its files/ignores apply.
const root = fileURLToPath(new URL('..', import.meta.url));
const POOL_MESSAGE = 'Only db/ may import the pool: go through withTenant() in db/tenant.ts';
const snippet = "import { appDb } from '@/db/client';\n\nexport const pool = appDb;\n";

async function restrictedImportMessages(filePath: string, code = snippet): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('no-restricted-imports: the database pool stays behind the door', () => {
  it('rejects importing db/client from app code', async () => {
    const messages = await restrictedImportMessages('app/x.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(POOL_MESSAGE);
  }, 30_000);

  it('allows db/ itself to import db/client', async () => {
    expect(await restrictedImportMessages('db/queries/x.ts')).toEqual([]);
  }, 30_000);
});

describe('no-restricted-imports: db/ is a leaf', () => {
  const LEAF_MESSAGE = 'db/ is a leaf';
  const importing = (from: string) => `import { x } from '${from}';\n\nexport const y = x;\n`;

  it.each([
    ['db/queries/x.ts', '@/lib/forms/submission-schema'],
    ['db/seed-x.ts', '@/lib/tenancy/provision'],
    ['db/queries/x.ts', '../../lib/compliance/recompute-obligations'],
    ['db/x.ts', '@/app/(app)/dashboard/page'],
    ['db/schema/x.ts', '@/components/ui/card'],
  ])('rejects %s importing %s', async (file, from) => {
    const messages = await restrictedImportMessages(file, importing(from));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(LEAF_MESSAGE);
  }, 30_000);

  it.each([
    ['db/client.ts', '@/lib/env'],
    ['db/connection.ts', '../lib/env'],
    ['db/queries/x.ts', './keyset'],
    ['db/queries/x.ts', 'drizzle-orm'],
    // Tests next to the queries build fixtures from lib/ freely; lib/ itself uses db/.
    ['db/queries/x.int.test.ts', '@/lib/forms/default-templates'],
    ['lib/forms/x.ts', '@/lib/forms/submission-schema'],
  ])('allows %s importing %s', async (file, from) => {
    expect(await restrictedImportMessages(file, importing(from))).toEqual([]);
  }, 30_000);
});

describe('no-restricted-imports: cache backends and dev tooling stay out of app code', () => {
  const importing = (from: string) => `import * as m from '${from}';\n\nexport const x = m;\n`;

  it('rejects a cache backend (a raw key) from app code; allows the tenant-bound cache', async () => {
    for (const from of ['@/lib/cache/stores/memory', '@/lib/cache/stores/upstash', '@/lib/cache/tenant-cache', '@/lib/cache/resilient']) {
      const messages = await restrictedImportMessages('app/x.ts', importing(from));
      expect(messages, from).toHaveLength(1);
      expect(messages[0]).toContain('Use tenantCache(ctx) from @/lib/cache');
    }
    expect(await restrictedImportMessages('app/x.ts', importing('@/lib/cache'))).toEqual([]);
    expect(await restrictedImportMessages('lib/ratelimit/x.ts', importing('@/lib/cache/stores/upstash'))).toEqual([]);
  }, 60_000);

  it('rejects the Upstash bridge and other scripts/ tooling from app code', async () => {
    for (const file of ['app/x.ts', 'lib/x.ts', 'lib/cache/x.ts', 'proxy.ts']) {
      const messages = await restrictedImportMessages(file, importing('@/scripts/lib/upstash-bridge'));
      expect(messages, file).toHaveLength(1);
      expect(messages[0]).toContain('scripts/ is dev and test tooling');
    }
  }, 60_000);
});

describe('no-restricted-imports: e2e specs take test from e2e/support/test (axe-core on every page)', () => {
  it('rejects a spec importing test from @playwright/test, allows types from it', async () => {
    const eslint = new ESLint({ cwd: root });
    const lint = async (code: string) =>
      ((await eslint.lintText(code, { filePath: 'e2e/x.spec.ts' }))[0]?.messages ?? []).filter(
        (m) => m.ruleId === 'no-restricted-imports',
      );
    expect(await lint("import { test } from '@playwright/test';\n\ntest('x', () => {});\n")).toHaveLength(1);
    expect(
      await lint("import type { Page } from '@playwright/test';\nimport { test } from './support/test';\n\ntest('x', async ({ page }: { page: Page }) => void page);\n"),
    ).toEqual([]);
  }, 30_000);
});

describe('no-restricted-syntax: every form control comes from the form kit (docs/forms.md)', () => {
  async function kitMessages(filePath: string, code: string): Promise<string[]> {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  }
  const component = (jsx: string) => `export function X() {\n  return (\n    <form>\n      ${jsx}\n    </form>\n  );\n}\n`;

  it.each([
    ['app/(app)/x/_components/x-form.tsx', '<input name="a" className="border" />'],
    ['app/(app)/x/page.tsx', '<input type="checkbox" name="a" />'],
    ['components/x/x-form.tsx', '<input type="datetime-local" name="at" />'],
    ['app/(app)/x/_components/x-form.tsx', '<select name="a"><option>1</option></select>'],
    ['components/auth/x-form.tsx', '<textarea name="a" rows={3} />'],
  ])('rejects a raw control in %s: %s', async (file, jsx) => {
    const messages = await kitMessages(file, component(jsx));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/form kit/);
  }, 30_000);

  it.each([
    ['app/(app)/x/_components/x-form.tsx', '<input type="hidden" name="id" value="1" />'],
    ['components/files/x-picker.tsx', '<input type="file" accept="image/*" hidden />'],
    ['components/ui/x-input.tsx', '<input name="a" className="border" />'],
    ['app/(app)/x/_components/x-form.tsx', '<TextInput name="a" />'],
  ])('allows %s: %s', async (file, jsx) => {
    expect(await kitMessages(file, component(jsx))).toEqual([]);
  }, 30_000);
});
