/**
 * db/schema and drizzle/ must agree: `drizzle-kit generate` on a copy of the
 * migrations folder finds nothing to do. A schema change without its
 * migration (or a hand-edited snapshot) fails here, not on a deployed database.
 * The control run adds one table and proves the check notices.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const drizzleKit = path.join(root, 'node_modules/drizzle-kit/bin.cjs');
const NO_CHANGES = 'No schema changes, nothing to migrate';
const temps: string[] = [];

afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** Path → sha256 of every file under `dir`. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

/**
 * Runs `drizzle-kit generate` with the repo's settings (drizzle.config.ts) but
 * writing into a copy of drizzle/. drizzle-kit refuses `--out` next to
 * `--config` and prefixes `out` with "./", so the copy gets its own config
 * with a path relative to the repo root.
 */
async function generateInto(extraSchemaSource?: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brave-drizzle-'));
  temps.push(tmp);
  const out = path.join(tmp, 'drizzle');
  fs.cpSync(path.join(root, 'drizzle'), out, { recursive: true });
  const schema = ['./db/schema/index.ts'];
  if (extraSchemaSource) {
    const extra = path.join(tmp, 'extra-schema.ts');
    fs.writeFileSync(extra, extraSchemaSource);
    schema.push(path.relative(root, extra));
  }
  const config = path.join(tmp, 'drizzle.config.ts');
  fs.writeFileSync(
    config,
    `export default ${JSON.stringify({
      dialect: 'postgresql',
      schema,
      out: path.relative(root, out),
      casing: 'snake_case',
      entities: { roles: true },
      strict: true,
      verbose: false,
    })};\n`,
  );
  const before = snapshot(out);
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [drizzleKit, 'generate', `--config=${config}`],
    {
      cwd: root,
      // db/schema files import 'server-only', which throws outside the react-server condition.
      env: { ...process.env, NODE_OPTIONS: '--conditions=react-server', FORCE_COLOR: '0' },
      timeout: 60_000,
    },
  );
  return { output: stdout + stderr, out, before, after: snapshot(out) };
}

describe('drizzle-kit generate', () => {
  it('finds no schema change that drizzle/ lacks', async () => {
    const { output, before, after } = await generateInto();
    expect(output).toContain(NO_CHANGES);
    expect(Object.keys(before)).toContain('0001_schema.sql');
    expect(after).toEqual(before);
  }, 60_000);

  it('control: an extra table in the schema makes it write a migration', async () => {
    // Resolved to an absolute file: the extra schema lives outside the repo's node_modules reach.
    const pgCore = createRequire(path.join(root, 'package.json')).resolve('drizzle-orm/pg-core');
    const { output, out, before, after } = await generateInto(
      `import { pgTable, text } from ${JSON.stringify(pgCore)};\nexport const driftCheck = pgTable('drift_check', { id: text().primaryKey() });\n`,
    );
    expect(output).not.toContain(NO_CHANGES);
    const added = Object.keys(after).filter((f) => !(f in before) && /^\d{4}_.*\.sql$/.test(f));
    expect(added).toHaveLength(1);
    expect(fs.readFileSync(path.join(out, added[0]!), 'utf8')).toContain('CREATE TABLE "drift_check"');
  }, 60_000);
});
