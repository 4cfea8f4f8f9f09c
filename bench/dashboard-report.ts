/**
 * The (j) section's own report: bench/dashboard-scale.md and .json (the other
 * sections live in report.md; a run of `npm run bench -- --only-dashboard`
 * rewrites only these two files).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DashboardScaleResult } from './dashboard-scale';

const ms = (v: number) => `${v.toFixed(1)} ms`;
const x = (v: number) => `${v.toFixed(2)}×`;

export function dashboardScaleMarkdown(r: DashboardScaleResult, meta: { startedAt: string; machine: string; seconds: number; connections: number }): string {
  const lines = [
    '# Bench (j): the dashboard at 100, 1,000 and 10,000 active projects',
    '',
    `Run ${meta.startedAt} on ${meta.machine}; ${meta.seconds} s of load per target in alternating slices, ${meta.connections} keep-alive connections, one \`next start\` with the tenant cache off (\`CACHE=off\`: every request runs the dashboard's queries). Written by \`npm run bench\` (bench/dashboard-scale.ts).`,
    '',
    'Each tenant: one open obligation per project (a quarter overdue) and eight met ones, two completed inspections and one rain event per project in the last two weeks. The dashboard reads stored obligations (`project_obligations`, docs/obligations.md) through bounded ranges of indexes leading with `organization_id`, counts capped at 100, and per-day rain / inspection totals.',
    '',
  ];
  if (r.skipped) {
    lines.push(`**Skipped:** ${r.skipped.split('\n')[0]}`, '');
    return lines.join('\n');
  }
  lines.push('| Target | Projects | Obligations | Requests | req/s | p50 | p99 | p50 ÷ smallest | p50 ÷ /api/health | errors |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const h = r.health!;
  lines.push(`| /api/health (session) | | | ${h.requests} | ${h.rps.toFixed(0)} | ${ms(h.latency.p50)} | ${ms(h.latency.p99)} | | 1.00× | ${h.errors} |`);
  if (r.floor) {
    const l = r.floor.result;
    lines.push(
      `| ${r.floor.url} (the layout's floor) | | | ${l.requests} | ${l.rps.toFixed(0)} | ${ms(l.latency.p50)} | ${ms(l.latency.p99)} | | ${x(r.floor.overHealth)} | ${l.errors} |`,
    );
  }
  for (const [i, d] of r.dashboards.entries()) {
    const l = d.result;
    lines.push(
      `| /dashboard | ${d.projects.toLocaleString('en')} | ${d.obligations.toLocaleString('en')} | ${l.requests} | ${l.rps.toFixed(0)} | ${ms(l.latency.p50)} | ${ms(l.latency.p99)} | ${x(r.overSmallest[i]!.p50)} | ${x(r.overHealth[i]!.p50)} | ${l.errors} |`,
    );
  }
  const largest = r.overSmallest.at(-1)!.p50;
  const worstHealth = Math.max(...r.overHealth.map((o) => o.p50));
  lines.push(
    '',
    `Targets (issue 13): largest ÷ smallest p50 ≤ 1.5× — **${x(largest)} (${largest <= 1.5 ? 'met' : 'NOT met'})**; every dashboard ≤ 3× /api/health with a session — **worst ${x(worstHealth)} (${worstHealth <= 3 ? 'met' : 'NOT met'})**.`,
    '',
    `Seeding the three tenants took ${r.loadSeconds.toFixed(1)} s (bulk SQL as the superuser).`,
    '',
  );
  if (r.floor) {
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
    const sizes = Object.entries(r.htmlBytes ?? {}).map(([n, b]) => `${Number(n).toLocaleString('en')} projects ${kb(b)}`);
    lines.push(
      `The floor row is ${r.floor.url} for the same user: the signed-in layout (header, navigation, banners, account menu, their queries) around one short list, ` +
        `${kb(r.floor.bytes)} of HTML; the dashboard's HTML: ${sizes.join(', ')}. Every page pays that floor, so the dashboard can't come closer to /api/health ` +
        `than ${x(r.floor.overHealth)}; what it adds over the floor is its own work.`,
      '',
    );
  }
  if (r.profile) lines.push(...profileLines(r.profile));
  return lines.join('\n');
}

/** `--profile-seconds`: the server's CPU per dashboard request, by library (bench/lib/cpuprofile.ts). */
function profileLines(p: NonNullable<DashboardScaleResult['profile']>): string[] {
  const perRequest = (v: number) => `${(v / Math.max(1, p.requests)).toFixed(2)} ms`;
  return [
    `## Where the server's CPU goes: the ${p.projects.toLocaleString('en')}-project dashboard, profiled`,
    '',
    `${p.requests} requests; ${(p.busyMs / 1000).toFixed(1)} s busy of ${(p.wallMs / 1000).toFixed(1)} s: ${perRequest(p.busyMs)} of CPU per request.`,
    '',
    '| category | inclusive per request | inclusive % | self per request | self % |',
    '|---|---:|---:|---:|---:|',
    ...p.categories.map((c) => `| ${c.category} | ${perRequest(c.inclusiveMs)} | ${c.inclusivePct.toFixed(1)} % | ${perRequest(c.selfMs)} | ${c.selfPct.toFixed(1)} % |`),
    '',
  ];
}

export function writeDashboardScale(r: DashboardScaleResult, dir: string, meta: Parameters<typeof dashboardScaleMarkdown>[1]) {
  // `--out` may name a folder that does not exist yet: the measurement must not be lost at the end.
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'dashboard-scale.json'), `${JSON.stringify({ ...meta, ...r }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'dashboard-scale.md'), dashboardScaleMarkdown(r, meta));
}
