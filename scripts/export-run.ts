/**
 * Run one queued organization export in this process and print one JSON line: the outcome,
 * the wall time and this process's peak RSS (`process.resourceUsage().maxRSS`, KiB). What
 * the worker does for an `organization-export` job, alone in a process, so `npm run bench`
 * (bench/export.ts) can measure the worker's memory and lib/export/org-export.int.test.ts
 * can SIGKILL a run midway. Needs DATABASE_URL (brave_app) and the S3_* settings.
 *
 *   tsx --conditions=react-server scripts/export-run.ts <orgId> <exportId> [--pause-after-table <name>]
 */
import { parseArgs } from 'node:util';
import { runOrganizationExport } from '@/lib/export/run-export';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'pause-after-table': { type: 'string' } } });
const [orgId, exportId] = positionals;
if (!orgId || !exportId) throw new Error('usage: export-run.ts <orgId> <exportId> [--pause-after-table <name>]');
const pauseAt = values['pause-after-table'];

const baseRssMB = Math.round(process.memoryUsage().rss / 1e6);
const started = performance.now();
const outcome = await runOrganizationExport(orgId, exportId, {
  // The fault test's stop: report where it is, then wait to be killed.
  afterTable: pauseAt
    ? async (table) => {
        if (table !== pauseAt) return;
        console.log(JSON.stringify({ paused: table }));
        await new Promise(() => {});
      }
    : undefined,
});
console.log(JSON.stringify({ outcome, ms: Math.round(performance.now() - started), baseRssMB, maxRssKiB: process.resourceUsage().maxRSS }));
process.exit(0);
