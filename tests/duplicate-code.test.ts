import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm run lint` ends with jscpd over app/ and components/ (.jscpd.json:
 * 50 tokens, threshold 0). This proves the check can fail: a form control
 * copied out of the kit into a feature folder is reported, and the exit code
 * fails the lint.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const jscpd = path.join(root, 'node_modules', '.bin', 'jscpd');
const config = path.join(root, '.jscpd.json');
const dirs: string[] = [];

function run(dir: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(jscpd, ['--config', config, dir], { cwd: root, encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

function tree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jscpd-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'components', 'forms'), { recursive: true });
  cpSync(path.join(root, 'components', 'forms', 'field.tsx'), path.join(dir, 'components', 'forms', 'field.tsx'));
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('duplicate-code check (jscpd)', () => {
  it('passes the kit on its own', () => {
    const r = run(tree());
    expect(r.out).toContain('Found 0 clones');
    expect(r.code).toBe(0);
  }, 60_000);

  it('fails when the Field component is copied into a feature folder', () => {
    const dir = tree();
    const kit = readFileSync(path.join(root, 'components', 'forms', 'field.tsx'), 'utf8');
    // The planted copy: the kit's Field, renamed, as a feature's own "_components/field.tsx" would be.
    const field = kit.slice(kit.indexOf('export function Field('), kit.indexOf('/** The form-level message'));
    mkdirSync(path.join(dir, 'app', 'violations', '_components'), { recursive: true });
    writeFileSync(
      path.join(dir, 'app', 'violations', '_components', 'field.tsx'),
      `import type { ReactNode } from 'react';\ninterface ControlProps { id: string }\n${field.replace('function Field(', 'function MyField(')}`,
    );
    const r = run(dir);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/Clone found/);
    expect(r.out).toContain(path.join('app', 'violations', '_components', 'field.tsx'));
  }, 60_000);
});
