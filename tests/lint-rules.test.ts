import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lint from the repository root so eslint.config.mjs and its files/ignores apply.
const root = fileURLToPath(new URL('..', import.meta.url));
const POOL_MESSAGE = 'Only db/ may import the pool: go through withTenant() in db/tenant.ts';
const snippet = "import { appDb } from '@/db/client';\n\nexport const pool = appDb;\n";

async function restrictedImportMessages(filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(snippet, { filePath });
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
