/**
 * `npm test`: every check the project has, in order, each one required.
 * Runs them all (so one failure does not hide another) and exits non-zero
 * if any failed. The last line is the summary CI reads.
 */
import { spawnSync } from 'node:child_process';

const steps: { name: string; cmd: string[] }[] = [
  // ESLint, then knip (knip.ts): an unused file, export or dependency fails the lint step.
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--project', 'unit'] },
  { name: 'integration', cmd: ['npx', 'vitest', 'run', '--project', 'int'] },
  { name: 'e2e', cmd: ['npx', 'playwright', 'test'] },
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
  console.log(`\n\x1b[1m━━ ${step.name}: ${step.cmd.join(' ')}\x1b[0m`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  results.push({ name: step.name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n━━ summary');
for (const r of results) console.log(`${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds}s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
