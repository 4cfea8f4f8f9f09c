/**
 * One table on stdout, bench/results.json, bench/report.md and the bar chart
 * bench/report.svg it embeds. Every figure is a ratio of two things measured
 * side by side in this run; targets are reported, never asserted.
 */
import fs from 'node:fs';
import type { FilesResult } from './files';
import path from 'node:path';
import type { AuditResult } from './audit';
import type { CacheResult } from './cache';
import type { DoorResult } from './door';
import type { HttpResult } from './http';
import type { ProvisionResult } from './provision';
import type { ShapeResult } from './rls';

interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverage: number[];
  postgres: string;
  node: string;
  platform: string;
}

export interface Results {
  startedAt: string;
  seconds: number;
  mode: string;
  machine: Machine;
  config: Record<string, unknown>;
  data?: {
    tenants: number;
    rows: number;
    inspections: number;
    biggestTenant: number;
    smallestTenant: number;
    loadSeconds: number;
  };
  rls?: ShapeResult[];
  door?: DoorResult[];
  provision?: ProvisionResult;
  audit?: AuditResult;
  http?: HttpResult;
  files?: FilesResult;
  cache?: CacheResult;
}

interface Row {
  figure: string;
  value: string;
  target: string;
  verdict: string;
  /** For the chart: a ratio and the target line (1 = parity). */
  chart?: { label: string; value: number; target?: number };
}

const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
const pct = (r: number) => (Number.isFinite(r) ? `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %` : 'n/a');
const ms = (n: number) => `${n.toFixed(3)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function rows(r: Results): Row[] {
  const out: Row[] = [];
  for (const s of r.rls ?? []) {
    out.push({
      figure: `(a) RLS, ${s.shape} (app door / superuser door)`,
      value: `p50 ${pct(s.rls.p50)}, p99 ${pct(s.rls.p99)}; server ${pct(s.server.ratio.p50)}`,
      target: '≤ +5 % p50, ≤ +10 % p99',
      verdict: verdict(s.rls.p50 <= 1.05 && s.rls.p99 <= 1.1),
      chart: { label: `RLS ${s.shape} p50`, value: s.rls.p50, target: 1.05 },
    });
  }
  for (const s of r.rls ?? []) {
    out.push({
      figure: `(a) door vs bare, ${s.shape} (superuser)`,
      value: `p50 ${x(s.door.p50)}, p99 ${x(s.door.p99)}`,
      target: '—',
      verdict: '',
      chart: { label: `door ${s.shape} p50`, value: s.door.p50 },
    });
  }
  for (const d of r.door ?? []) {
    // Targets (issue 16): ≤ 1.3× with prepared statements, ≤ 1.5× without (one more wait: Parse/Describe).
    const target = d.prepare ? 1.3 : 1.5;
    const via = d.route === 'pgbouncer' ? ', through PgBouncer' : '';
    out.push({
      figure: `(b) door / bare, fetch by id, prepare ${d.prepare}${via}`,
      value: `p50 ${x(d.door.p50)}, p99 ${x(d.door.p99)}`,
      target: `≤ ${target.toFixed(2)}×`,
      verdict: verdict(d.door.p50 <= target),
      chart: { label: `door/bare by id (prepare ${d.prepare}${via})`, value: d.door.p50, target },
    });
  }
  const p = r.provision;
  if (p?.webhooks && p.direct) {
    out.push({
      figure: '(c) provisioning a new org, end to end (3 webhooks)',
      value: `p50 ${ms(p.webhooks.total.p50)}, p99 ${ms(p.webhooks.total.p99)} (n ${p.webhooks.total.n})`,
      target: '≤ 1 s',
      verdict: verdict(p.webhooks.total.p99 <= 1000),
      chart: { label: 'provisioning p99 / 1 s', value: p.webhooks.total.p99 / 1000, target: 1 },
    });
    out.push({
      figure: '(c) provisionTenant() alone',
      value: `p50 ${ms(p.direct.p50)}, p99 ${ms(p.direct.p99)} (n ${p.direct.n})`,
      target: '≤ 1 s',
      verdict: verdict(p.direct.p99 <= 1000),
    });
  } else if (p) {
    out.push({ figure: '(c) provisioning a new org', value: p.status, target: '≤ 1 s', verdict: 'failed' });
  }
  if (r.audit) {
    out.push({
      figure: '(f) audit row added to a write',
      value: `p50 +${ms(r.audit.added.p50)} (${x(r.audit.ratio.p50)}), p99 +${ms(r.audit.added.p99)} (${x(r.audit.ratio.p99)})`,
      target: '< 1 ms p99 added',
      verdict: verdict(r.audit.added.p99 < 1),
      chart: { label: 'write with audit / without p50', value: r.audit.ratio.p50 },
    });
  }
  if (r.audit?.chain) {
    const c = r.audit.chain;
    out.push({
      figure: '(f) hash chain added to an audit insert',
      value: `p50 +${ms(c.added.p50)} (${x(c.ratio.p50)}), p99 +${ms(c.added.p99)}`,
      target: '< 0.5 ms p50 added',
      verdict: verdict(c.added.p50 < 0.5),
      chart: { label: 'chained / unchained audit insert p50', value: c.ratio.p50 },
    });
  }
  if (r.files) {
    const f = r.files;
    out.push({
      figure: `(i) server RSS while ${f.phones} phones upload ${f.photoMiB} MiB photos`,
      value: `+${f.direct.rssGrowthMiB.toFixed(1)} MiB presigned POST vs +${f.proxied.rssGrowthMiB.toFixed(1)} MiB through the server`,
      target: '< 50 MiB growth',
      verdict: verdict(f.direct.rssGrowthMiB < 50),
      chart: { label: 'RSS growth direct / proxied', value: f.direct.rssGrowthMiB / f.proxied.rssGrowthMiB },
    });
    out.push({
      figure: '(i) confirm (HEAD + first bytes + checks + row)',
      value: `p50 ${ms(f.confirmMs.p50)}, p99 ${ms(f.confirmMs.p99)} (n ${f.confirmMs.n}, ${f.phones} at once)`,
      target: 'report',
      verdict: 'measured',
    });
  }
  const h = r.http;
  if (h?.api) {
    out.push({
      figure: `(d) ${h.route} via next start / raw handler`,
      value: `req/s ${x(h.api.throughput)} (${h.api.next.rps.toFixed(0)} vs ${h.api.raw.rps.toFixed(0)}), p50 ${x(h.api.p50)}, p99 ${x(h.api.p99)}`,
      target: '≥ 0.50× throughput',
      verdict: verdict(h.api.throughput >= 0.5),
      chart: { label: 'API route / raw throughput', value: h.api.throughput, target: 0.5 },
    });
  } else if (h) {
    out.push({
      figure: '(d) API route vs raw handler',
      value: 'not measured',
      target: '≥ 0.50× throughput',
      verdict: h.skipped ? 'skipped' : 'pending',
    });
  }
  if (h?.dashboard) {
    const d = h.dashboard;
    out.push({
      figure: '(e) GET /dashboard / GET /api/health',
      value: `${d.page.rps.toFixed(0)} req/s (${x(d.throughput)} of health), p50 ${ms(d.page.latency.p50)}, p99 ${ms(d.page.latency.p99)}`,
      target: '—',
      verdict: '',
      chart: { label: 'dashboard / health throughput', value: d.throughput },
    });
  }
  if (h?.inspect && 'page' in h.inspect) {
    const i = h.inspect;
    out.push({
      figure: `(g) GET /inspect/<token> (${i.inspections} published) / GET /api/health`,
      value: `p50 ${x(i.p50)} (${ms(i.page.latency.p50)} vs ${ms(i.health.latency.p50)}), ${i.page.rps.toFixed(0)} req/s`,
      target: '—',
      verdict: '',
      chart: { label: 'QR page / health p50', value: i.p50 },
    });
    out.push({
      figure: '(g) wrong tokens: unknown / revoked / expired p50',
      value: `${ms(i.misses.unknown.latency.p50)} / ${ms(i.misses.revoked.latency.p50)} / ${ms(i.misses.expired.latency.p50)} (spread ${x(i.missSpread)})`,
      target: 'same work',
      verdict: '',
    });
  } else if (h?.inspect && 'failed' in h.inspect) {
    out.push({ figure: '(g) public QR page', value: h.inspect.failed.slice(0, 80), target: '—', verdict: 'failed' });
  }
  if (r.cache?.ratios.length) {
    for (const route of ['api', 'dashboard']) {
      const of = (tenant: string, variant: string) => r.cache!.ratios.find((q) => q.route === route && q.tenant === tenant && q.variant === variant);
      const parts = r.cache.variants
        .filter((v) => v !== 'off')
        .flatMap((v) => ['smallest', 'largest'].map((t) => ({ v, t, q: of(t, v) })))
        .filter((p) => p.q)
        .map((p) => `${p.v} ${p.t}: req/s ${x(p.q!.throughput)}, CPU/req ${x(p.q!.cpu)}`);
      const largest = of('largest', 'memory');
      out.push({
        figure: `(h) ${route === 'api' ? 'API route' : 'dashboard'}: cache on / off`,
        value: parts.join('; '),
        target: '> 1× (it pays) or removed',
        verdict: largest ? verdict(largest.throughput > 1) : '',
        chart: largest ? { label: `${route} largest tenant, cache on / off`, value: largest.throughput, target: 1 } : undefined,
      });
    }
  } else if (r.cache?.skipped) {
    out.push({ figure: '(h) cache on / off', value: 'not measured', target: '—', verdict: 'skipped' });
  }
  return out;
}

export function printTable(r: Results) {
  const list = rows(r);
  const w = [Math.max(...list.map((l) => l.figure.length), 6), Math.max(...list.map((l) => l.value.length), 5), 26, 8];
  const line = (c: string[]) => c.map((s, i) => s.padEnd(w[i]!)).join('  ');
  console.log(`\n${line(['figure', 'value', 'target', ''])}`);
  console.log(w.map((n) => '─'.repeat(n)).join('  '));
  for (const l of list) console.log(line([l.figure, l.value, l.target, l.verdict]));
}

function svg(list: Row[]): string {
  const bars = list.filter((l) => l.chart).map((l) => l.chart!);
  const max = Math.max(
    2,
    ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)),
    ...bars.map((b) => b.target ?? 0),
  );
  const W = 820;
  const left = 300;
  const bw = W - left - 70;
  const rowH = 22;
  const H = 40 + bars.length * rowH + 30;
  const sx = (v: number) => left + (Math.min(v, max) / max) * bw;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">BrAve Forms bench — ratios measured side by side (1.00 = parity; red tick = target)</text>`,
    `<line x1="${sx(1)}" y1="30" x2="${sx(1)}" y2="${H - 25}" stroke="#888" stroke-dasharray="3,3"/>`,
    `<text x="${sx(1)}" y="${H - 10}" text-anchor="middle" fill="#555">1.00</text>`,
  ];
  bars.forEach((b, i) => {
    const y = 36 + i * rowH;
    const v = Number.isFinite(b.value) ? b.value : 0;
    const color =
      b.target === undefined ? '#6b8fb5' : (b.target < 1 ? v >= b.target : v <= b.target) ? '#3c9a5f' : '#d9822b';
    parts.push(`<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(
      `<rect x="${left}" y="${y + 3}" width="${Math.max(1, sx(v) - left)}" height="${rowH - 8}" fill="${color}"/>`,
    );
    parts.push(`<text x="${sx(v) + 4}" y="${y + 14}">${v.toFixed(2)}</text>`);
    if (b.target !== undefined)
      parts.push(
        `<line x1="${sx(b.target)}" y1="${y + 1}" x2="${sx(b.target)}" y2="${y + rowH - 3}" stroke="#c00" stroke-width="2"/>`,
      );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function profileSection(pr: NonNullable<HttpResult['profile']>): string[] {
  return [
    `### CPU profile of \`next start\` serving the API route`,
    '',
    `V8 \`--cpu-prof\` of the server alone under the same load, frames mapped through the build's source maps to their packages. ` +
      `${(pr.busyMs / 1000).toFixed(1)} s busy of ${(pr.wallMs / 1000).toFixed(1)} s (a fresh server: ${pr.requests} requests after a warm-up, JIT warm-up included). Inclusive = samples with any frame of that category on the stack ` +
      '(categories nest, so inclusive shares add up to more than 100 %); self = the innermost categorized frame.',
    '',
    '| category | inclusive | self |',
    '|---|---|---|',
    ...pr.categories
      .filter((c) => c.inclusivePct >= 0.5 || c.selfPct >= 0.5)
      .map((c) => `| ${c.category} | ${c.inclusivePct.toFixed(1)} % | ${c.selfPct.toFixed(1)} % |`),
    '',
  ];
}

export function writeReport(r: Results, dir: string, findings: string[]) {
  fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(r, null, 2)}\n`);
  const list = rows(r);
  fs.writeFileSync(path.join(dir, 'report.svg'), `${svg(list)}\n`);
  const m = r.machine;
  const p = r.provision;
  const md: string[] = [
    '# Benchmark report',
    '',
    `Generated by \`npm run bench\` (${r.mode}) on ${r.startedAt}, ${r.seconds.toFixed(0)} s. Raw numbers: [results.json](results.json).`,
    '',
    `**Machine:** ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB.toFixed(1)} GiB RAM, load average at start ${m.loadAverage.map((l) => l.toFixed(2)).join(' / ')}; ` +
      `PostgreSQL ${m.postgres} (embedded, same machine); Node ${m.node}; ${m.platform}.`,
    '',
    '> The machine is shared with other engineers’ builds and tests, so absolute times are noisy. Every figure is a ratio of two variants',
    '> measured **interleaved** in the same run (A, B, A, B … with the order rotated each iteration; HTTP targets in alternating slices),',
    '> so background load falls on both sides alike. p99 on a busy 2-core machine is still the least stable figure: read it over several runs.',
    '',
    '![ratios](report.svg)',
    '',
    '| figure | value | target | |',
    '|---|---|---|---|',
    ...list.map((l) => `| ${l.figure} | ${l.value} | ${l.target} | ${l.verdict} |`),
    '',
  ];
  if (r.data) {
    md.push(
      '## Data set',
      '',
      `${r.data.rows.toLocaleString('en')} projects and ${r.data.inspections.toLocaleString('en')} inspections over ${r.data.tenants} tenants with Zipf(1) sizes ` +
        `(biggest ${r.data.biggestTenant.toLocaleString('en')} projects, smallest ${r.data.smallestTenant}); loaded in ${r.data.loadSeconds.toFixed(1)} s ` +
        'as the superuser with generate_series. Queries pick tenants by the same Zipf law (traffic follows size).',
      '',
    );
  }
  if (r.rls?.length) {
    md.push(
      '## (a) RLS vs an explicit filter',
      '',
      'A = superuser, explicit filter, no transaction; B = superuser inside the door (same BEGIN/set_config/COMMIT, RLS bypassed); ' +
        'C = brave_app inside the door, explicit filter + RLS (what the app runs); D = brave_app, RLS only. RLS = C/B. ' +
        '"server" = EXPLAIN ANALYZE planning + execution time on the biggest tenant, C vs B, no network.',
      '',
      '| shape | A p50 | B p50 | C p50 | D p50 | RLS p50 (C/B) | RLS p99 | RLS-only p50 (D/B) | door p50 (B/A) | server C/B p50 | plan (superuser) | plan (brave_app) |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...r.rls.map(
        (s) =>
          `| ${s.shape} | ${ms(s.bare.p50)} | ${ms(s.suDoor.p50)} | ${ms(s.appDoor.p50)} | ${ms(s.rlsOnly.p50)} | ${pct(s.rls.p50)} | ${pct(s.rls.p99)} | ${pct(s.rlsOnlyRatio.p50)} | ${x(s.door.p50)} | ${pct(s.server.ratio.p50)} | ${s.plans.su} | ${s.plans.app} |`,
      ),
      '',
    );
  }
  for (const d of r.door ?? []) {
    md.push(
      `## (b) The door on a fetch by id — prepare: ${d.prepare}${d.prepare ? ' (app default)' : ''}, ${d.route === 'pgbouncer' ? 'through PgBouncer (transaction mode)' : 'direct'}`,
      '',
      '| variant | p50 | p99 | p50 × bare | p99 × bare | ≈ round trips (p50 / ping p50) |',
      '|---|---|---|---|---|---|',
      ...d.variants.map(
        (v) =>
          `| ${v.name} | ${ms(v.stats.p50)} | ${ms(v.stats.p99)} | ${x(v.vsBare.p50)} | ${x(v.vsBare.p99)} | ${v.roundTrips.toFixed(1)} |`,
      ),
      '',
    );
  }
  if (p?.webhooks && p.direct && p.defaults) {
    const sr = (name: string, v: NonNullable<typeof p.direct>) =>
      `| ${name} | ${ms(v.p50)} | ${ms(v.p99)} | ${ms(v.mean)} | ${v.n} |`;
    md.push(
      '## (c) Provisioning a new organization',
      '',
      'End to end = what the app does when somebody creates an organization in Clerk: the three svix-signed webhooks Clerk sends ' +
        '(`user.created`, `organization.created`, `organizationMembership.created` as `org:owner`), each handed to the real route handler ' +
        '(`app/api/webhooks/clerk/route.ts`: signature check, then `applyClerkEvent` → `provisionTenantIn` through the door, one transaction per event), ' +
        'in a child process whose `DATABASE_URL` is the bench database (brave_app, RLS on). No HTTP hop. `provisionTenant()` alone is the org row and its ' +
        `defaults (${p.defaults.bmp} BMP categories, ${p.defaults.violationTypes} violation types, ${p.defaults.formTemplates} form templates of ` +
        `${(p.defaults.templateBytes / 1024).toFixed(1)} KiB JSON) in one transaction. ${p.note}.`,
      '',
      '| variant | p50 | p99 | mean | n |',
      '|---|---|---|---|---|',
      sr('end to end: 3 webhooks', p.webhooks.total),
      sr('… user.created', p.webhooks.user),
      sr('… organization.created (provisions)', p.webhooks.org),
      sr('… organizationMembership.created (owner)', p.webhooks.membership),
      sr('provisionTenant() alone', p.direct),
      '',
    );
  } else if (p) md.push('## (c) Provisioning', '', `Not measured: ${p.note}.`, '');
  if (r.audit) {
    const a = r.audit;
    md.push(
      '## (f) The audit row',
      '',
      `Insert a project through the door, with and without \`recordAudit\` in the same transaction: without p50 ${ms(a.without.p50)} / p99 ${ms(a.without.p99)}, ` +
        `with p50 ${ms(a.with.p50)} / p99 ${ms(a.with.p99)}; added p50 ${ms(a.added.p50)}, p99 ${ms(a.added.p99)}. ` +
        '(The p99 difference is a difference of two tails, not the tail of the difference; it is the noisiest figure here.)',
      '',
    );
  }
  if (r.files) {
    const f = r.files;
    md.push(
      '## (i) Photos: memory during uploads, confirm latency',
      '',
      `${f.phones} phones upload a ${f.photoMiB} MiB photo each, all at once, ${f.rounds} round(s). With the presigned POST the bytes go phone → S3 and the ` +
        `server only signs the ticket and confirms: its process tree grew by ${f.direct.rssGrowthMiB.toFixed(1)} MiB (${f.direct.seconds.toFixed(1)} s). ` +
        `The same uploads sent through the server (buffered, then put to S3) grew it by ${f.proxied.rssGrowthMiB.toFixed(1)} MiB (${f.proxied.seconds.toFixed(1)} s). ` +
        `Confirm, measured inside the server: p50 ${ms(f.confirmMs.p50)}, p99 ${ms(f.confirmMs.p99)}. Local s3rver; a real S3 adds its own round trips (two per confirm).`,
      '',
    );
  }
  if (r.http) {
    const h = r.http;
    md.push('## (d) and (e) HTTP', '');
    if (h.skipped) md.push(`Skipped: ${h.skipped.split('\n')[0]}`, '');
    if (h.build)
      md.push(
        `App built from ${h.build.source === 'head' ? `commit ${h.build.commit}` : 'the working tree'}${h.build.reused ? ' (build reused)' : ` in ${h.build.seconds.toFixed(0)} s`}. Route probe: ${h.routeNote || 'given by --route'}.`,
        '',
      );
    type L = NonNullable<HttpResult['api']>['next'];
    const cpu = (l: L) => {
      const c = l.cpuPerRequest;
      if (!c) return '—';
      const server = Object.entries(c)
        .filter(([k, v]) => k !== 'postgres' && k !== 'load generator' && Number.isFinite(v) && v > 0.005)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ');
      const f = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(2) : 'n/a');
      return `${server || '—'} | ${f(c.postgres)} | ${f(c['load generator'])}`;
    };
    const lr = (l: L) =>
      `| ${l.name} | ${l.rps.toFixed(1)} | ${ms(l.latency.p50)} | ${ms(l.latency.p99)} | ${l.requests} | ${l.errors} | ${cpu(l)} |`;
    const head = [
      '| target | req/s | p50 | p99 | requests | errors | server CPU ms/req | postgres CPU ms/req | load generator CPU ms/req |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    if (h.api) {
      const b = h.api.breakdown;
      md.push(
        ...head,
        lr(h.api.next),
        lr(h.api.raw),
        ...(b ? [...(b.rawApp ? [lr(b.rawApp)] : []), lr(b.health), lr(b.healthAuth)] : []),
        '',
        `Throughput ratio ${x(h.api.throughput)}, p50 ${x(h.api.p50)}, p99 ${x(h.api.p99)}. ` +
          'All rows were loaded in alternating slices in one run with the same connections; CPU is read from /proc for each process tree ' +
          "(the server under test, the bench PostgreSQL cluster, this process as load generator) over that target's slices, divided by its requests.",
        '',
      );
    }
    if (h.dashboard) md.push(...head, lr(h.dashboard.page), lr(h.dashboard.health), '');
    if (h.inspect && 'page' in h.inspect) {
      const m = h.inspect.misses;
      md.push(...head, lr(h.inspect.page), lr(h.inspect.health), lr(m.unknown), lr(m.revoked), lr(m.expired), '');
    }
    if (h.profile) md.push(...profileSection(h.profile));
  }
  if (r.cache) {
    const c = r.cache;
    md.push('## (h) The tenant cache on vs off', '');
    if (c.skipped) md.push(`Skipped: ${c.skipped.split('\n')[0]}`, '');
    if (c.cells.length) {
      md.push(
        'Three `next start` servers of the same build (CACHE=off; the in-process LRU; Upstash through the REST bridge on redis-server), ' +
          'rate limits off, loaded in alternating slices as the smallest and the largest tenant. With the cache, the API route skips the ' +
          "organization lookup (status and plan) and the dashboard its whole transaction; every write invalidates the tenant's values.",
        '',
        '| route | tenant (projects) | cache | req/s | p50 | p99 | errors | server CPU ms/req |',
        '|---|---|---|---|---|---|---|---|',
        ...c.cells.map(
          (cell) =>
            `| ${cell.route} | ${cell.tenant} (${cell.projects}) | ${cell.variant} | ${cell.result.rps.toFixed(1)} | ${ms(cell.result.latency.p50)} | ${ms(cell.result.latency.p99)} | ${cell.result.errors} | ${Number.isFinite(cell.serverCpuMs) ? cell.serverCpuMs.toFixed(2) : 'n/a'} |`,
        ),
        '',
      );
    }
  }
  if (findings.length) md.push('## Findings', '', ...findings, '');
  fs.writeFileSync(path.join(dir, 'report.md'), md.join('\n'));
}
