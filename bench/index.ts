/**
 * `npm run bench` — every figure a ratio of two variants measured side by side
 * in one run (issue 5, item 6). Prints one table; writes bench/results.json,
 * bench/report.md and bench/report.svg. Asserts nothing about time.
 *
 *   --quick              smoke mode: 20,000 rows, 100 tenants, few samples, 3 s of HTTP per side
 *   --rows N             projects in the data set (default 1,000,000; inspections = N/2)
 *   --tenants N          organizations, Zipf(1) sizes (default 1,000)
 *   --samples N          samples per shape and variant in (a) (default 300)
 *   --door-samples N     samples per variant in (b) (default 1,000)
 *   --audit-samples N    samples per variant in (f) (default 600)
 *   --provision-samples N  new organizations per variant in (c) (default 30)
 *   --http-seconds N     seconds of load per side in (d) and (e) (default 10)
 *   --connections N      concurrent keep-alive connections (default 10)
 *   --skip-http          no build, no (d)/(e)/(g)/(h)
 *   --skip-cache         no (h) (the tenant cache on vs off)
 *   --skip-files         no (i) photo uploads
 *   --skip-dashboard     no (j) the dashboard at 100 / 1,000 / 10,000 projects
 *   --only-dashboard     only (j) (builds the app if needed; writes bench/dashboard-scale.md and .json)
 *   --skip-export        no (l) the organization export
 *   --only-export        only (l) (no data set, no build)
 *   --export-rows N      rows of the exported tenant in (l) (default 100,000; quick 10,000)
 *   --export-photos N    its photos, 4 KiB each (default 5,000; quick 500). (l) fails the run when the
 *                        export worker's peak RSS reaches 300 MB
 *   --phones N           concurrent phones in (i) (default 20), --photo-mib N photo size (default 10)
 *   --profile-seconds N  after (d)/(e), profile next start (after a warm-up) on the API route, then on /api/health with the same cookie, N s each: where its CPU goes and what it costs over health;
 *                        after (j), the same on the largest tenant's dashboard
 *   --app-source head|worktree   what to build for (d)/(e) (default head: the last commit)
 *   --app-commit REV     with --app-source head: build this commit instead of HEAD (reuses its build if present)
 *   --route PATH         the /api/v1 GET to load (default: first of /api/v1/projects, /api/v1/inspections that answers 200)
 *   --rebuild            rebuild the app even if a build of this commit exists
 *   --out DIR            where to write the results (default bench/; created if missing)
 *   --report-only        measure nothing: rewrite report.md and report.svg in --out from its results.json
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '@/db/client';
import { measureAudit } from './audit';
import { measureCache } from './cache';
import { measureDoor } from './door';
import { startPgBouncer } from '@/scripts/lib/pgbouncer';
import { measureHttp } from './http';
import { loadDataSet, openBenchDatabase, targets } from './lib/setup';
import { measureProvision } from './provision';
import { printTable, writeReport, type Results } from './report';
import { measureRls } from './rls';
import { measureSearch } from './search';
import { findings } from './findings';
import { measureFiles } from './files';
import { EXPORT_RSS_LIMIT_MB, measureExport, type ExportBenchResult } from './export';
import { measureDashboardScale } from './dashboard-scale';
import { writeDashboardScale } from './dashboard-report';
import { buildApp } from './lib/app-server';
import { ensureLocalAuth } from '@/scripts/lib/local-auth';
import { sectionLoads } from './lib/load-average';

const { values: a } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rows: { type: 'string' },
    tenants: { type: 'string' },
    samples: { type: 'string' },
    'door-samples': { type: 'string' },
    'audit-samples': { type: 'string' },
    'provision-samples': { type: 'string' },
    'http-seconds': { type: 'string' },
    connections: { type: 'string' },
    'skip-http': { type: 'boolean', default: false },
    'skip-files': { type: 'boolean', default: false },
    'skip-dashboard': { type: 'boolean', default: false },
    'only-dashboard': { type: 'boolean', default: false },
    'skip-export': { type: 'boolean', default: false },
    'only-export': { type: 'boolean', default: false },
    'export-rows': { type: 'string' },
    'export-photos': { type: 'string' },
    phones: { type: 'string' },
    'photo-mib': { type: 'string' },
    'skip-cache': { type: 'boolean', default: false },
    'profile-seconds': { type: 'string', default: '0' },
    'report-only': { type: 'boolean', default: false },
    'app-commit': { type: 'string' },
    'app-source': { type: 'string', default: 'head' },
    route: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(import.meta.dirname) },
  },
});

const q = a.quick;
const num = (v: string | undefined, full: number, quick: number) => (v !== undefined ? Number(v) : q ? quick : full);
const cfg = {
  rows: num(a.rows, 1_000_000, 20_000),
  tenants: num(a.tenants, 1_000, 100),
  samples: num(a.samples, 300, 60),
  warmup: q ? 10 : 50,
  doorSamples: num(a['door-samples'], 1_000, 150),
  doorWarmup: q ? 20 : 200,
  auditSamples: num(a['audit-samples'], 600, 100),
  provisionSamples: num(a['provision-samples'], 30, 10),
  httpSeconds: num(a['http-seconds'], 10, 3),
  connections: num(a.connections, 10, 10),
  explains: q ? 4 : 20,
  // (a) sampled this many times, spread over the section (issue 16: the spread over at least three runs).
  rlsRuns: q ? 2 : 3,
};

const ROOT = path.resolve(import.meta.dirname, '..');
const log = (s: string) => console.log(`\x1b[36m[bench]\x1b[0m ${s}`);

async function main() {
  if (a['report-only']) {
    const r = JSON.parse(fs.readFileSync(path.join(a.out!, 'results.json'), 'utf8')) as Results;
    printTable(r);
    writeReport(r, a.out!, findings(r));
    return log(`rewrote the report from ${path.join(a.out!, 'results.json')} (${r.startedAt})`);
  }
  fs.mkdirSync(a.out!, { recursive: true });
  if (a['only-dashboard']) return onlyDashboard();
  if (a['only-export']) return onlyExport();
  const began = Date.now();
  const sections = sectionLoads();
  const bench = await openBenchDatabase({ dir: '.data/bench/pg', port: 54361, ephemeral: false });
  const results: Results = {
    startedAt: new Date().toISOString(),
    seconds: 0,
    mode: q ? 'quick' : 'full',
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '?',
      memoryGiB: os.totalmem() / 2 ** 30,
      loadAverage: os.loadavg(),
      postgres: bench.version,
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    },
    config: cfg,
    load: sections.loads,
  };
  log(
    `${results.machine.cpus} cores, ${results.machine.memoryGiB.toFixed(1)} GiB, PostgreSQL ${bench.version}, Node ${process.version}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const su = createDatabase(bench.superuser, { max: 1 });
  const app = createDatabase(bench.urls.app, { max: 1 });
  try {
    log(
      `loading ${cfg.rows.toLocaleString('en')} projects + ${(cfg.rows / 2).toLocaleString('en')} inspections over ${cfg.tenants} Zipf tenants…`,
    );
    const data = await loadDataSet(bench.superuser, { tenants: cfg.tenants, rows: cfg.rows });
    results.data = {
      tenants: data.tenants,
      rows: data.rows,
      inspections: data.inspections,
      biggestTenant: data.counts[0]!,
      smallestTenant: data.counts.at(-1)!,
      loadSeconds: data.loadSeconds,
    };
    log(`loaded in ${data.loadSeconds.toFixed(1)} s`);
    const t = targets(data, 5_000);

    sections.mark('a');
    log(`(a) RLS vs explicit filter: 5 shapes × 4 variants × ${cfg.samples} samples, ${cfg.rlsRuns} runs…`);
    results.rls = await measureRls({
      su,
      app,
      targets: t,
      warmup: cfg.warmup,
      samples: cfg.samples,
      explains: cfg.explains,
      runs: cfg.rlsRuns,
    });

    sections.mark('k');
    log(`(k) project search under RLS: trigram index vs ILIKE only, ${cfg.samples} samples…`);
    results.search = await measureSearch({ superuserUrl: bench.superuser, app, counts: data.counts, size: q ? 2_000 : 5_000, warmup: cfg.warmup, samples: cfg.samples });
    log(`(k) app role's plan ${results.search.usesIndex ? 'uses' : 'does NOT use'} the trigram index; p50 ${results.search.ratio.p50.toFixed(2)}× of ILIKE only`);

    sections.mark('b');
    results.door = [];
    // prepare: true is not measured through PgBouncer: Debian's 1.18 passes no prepared statements
    // (1.21+ with max_prepared_statements does), which is why production runs DATABASE_PREPARE=false there.
    const users = Object.fromEntries(
      [bench.superuser, bench.urls.app].map((u) => [decodeURIComponent(new URL(u).username), decodeURIComponent(new URL(u).password)]),
    );
    const bouncer = await startPgBouncer({ serverPort: Number(new URL(bench.superuser).port), users });
    try {
      for (const { prepare, route } of [
        { prepare: true, route: 'direct' },
        { prepare: false, route: 'direct' },
        { prepare: false, route: 'pgbouncer' },
      ] as const) {
        log(`(b) door vs bare, prepare ${prepare}, ${route}: ${cfg.doorSamples} samples…`);
        const via = (u: string) => (route === 'pgbouncer' ? bouncer.via(u) : u);
        results.door.push(
          await measureDoor({
            urls: { superuser: via(bench.superuser), app: via(bench.urls.app) },
            targets: t,
            warmup: cfg.doorWarmup,
            samples: cfg.doorSamples,
            prepare,
            route,
          }),
        );
      }
    } finally {
      await bouncer.stop();
    }

    sections.mark('c');
    log(`(c) provisioning: ${cfg.provisionSamples} new orgs per variant…`);
    results.provision = measureProvision({
      root: ROOT,
      appUrl: bench.urls.app,
      warmup: q ? 2 : 3,
      samples: cfg.provisionSamples,
    });
    log(
      `(c) provisioning: ${results.provision.status}${results.provision.webhooks ? `, end to end p50 ${results.provision.webhooks.total.p50.toFixed(1)} ms` : ` (${results.provision.note})`}`,
    );

    sections.mark('f');
    log(`(f) audit row: ${cfg.auditSamples} samples…`);
    results.audit = await measureAudit({
      appUrl: bench.urls.app,
      superuserUrl: bench.superuser,
      targets: t,
      warmup: cfg.warmup,
      samples: cfg.auditSamples,
    });

    if (!a['skip-files']) {
      sections.mark('i');
      results.files = await measureFiles({
        root: ROOT,
        appUrl: bench.urls.app,
        phones: num(a.phones, 20, 20),
        photoMiB: num(a['photo-mib'], 10, 10),
        rounds: q ? 1 : 3,
        log,
      });
      log(`(i) RSS +${results.files.direct.rssGrowthMiB.toFixed(1)} MiB direct vs +${results.files.proxied.rssGrowthMiB.toFixed(1)} MiB proxied; confirm p50 ${results.files.confirmMs.p50.toFixed(1)} ms`);
    }

    if (!a['skip-export']) {
      sections.mark('l');
      results.export = await exportSection(bench);
    }

    if (!a['skip-http']) {
      sections.mark('d');
      log(`(d)/(e) HTTP: ${cfg.httpSeconds} s per side, ${cfg.connections} connections…`);
      results.http = await measureHttp({
        appUrl: bench.urls.app,
        publicUrl: bench.urls.public,
        superuserUrl: bench.superuser,
        source: a['app-source'] === 'worktree' ? 'worktree' : 'head',
        rebuild: a.rebuild,
        commit: a['app-commit'],
        route: a.route,
        connections: cfg.connections,
        seconds: cfg.httpSeconds,
        sliceSeconds: Math.min(2, cfg.httpSeconds),
        warmupSeconds: q ? 1 : 3,
        profileSeconds: Number(a['profile-seconds']),
        log,
      });
      if (results.http.skipped) log(`(d)/(e) skipped: ${results.http.skipped.split('\n')[0]}`);
      if (results.http.build && !a['skip-cache']) {
        sections.mark('h');
        log(`(h) tenant cache on vs off: ${cfg.httpSeconds} s per target…`);
        results.cache = await measureCache({
          buildDir: results.http.build.dir,
          appUrl: bench.urls.app,
          publicUrl: bench.urls.public,
          superuserUrl: bench.superuser,
          tenants: data.tenants,
          counts: data.counts,
          connections: cfg.connections,
          seconds: cfg.httpSeconds,
          sliceSeconds: Math.min(2, cfg.httpSeconds),
          warmupSeconds: q ? 1 : 3,
          log,
        });
        if (results.cache.skipped) log(`(h) skipped: ${results.cache.skipped.split('\n')[0]}`);
      }
      if (results.http.build && !a['skip-dashboard']) {
        await dashboardSection(results.http.build.dir, bench);
      }
    }
  } finally {
    await Promise.all([su.$pool.end({ timeout: 1 }), app.$pool.end({ timeout: 1 })]);
    await bench.close();
  }
  sections.close();
  results.seconds = (Date.now() - began) / 1000;
  printTable(results);
  writeReport(results, a.out!, findings(results));
  log(
    `wrote ${path.relative(process.cwd(), path.join(a.out!, 'report.md'))}, report.svg, results.json (${results.seconds.toFixed(0)} s in all)`,
  );
}

const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;

/** (j): seeds its three tenants into the bench database and loads one server built from `buildDir`. */
async function dashboardSection(buildDir: string, bench: Awaited<ReturnType<typeof openBenchDatabase>>) {
  const startedAt = new Date().toISOString();
  const o = { connections: cfg.connections, seconds: cfg.httpSeconds, sliceSeconds: Math.min(2, cfg.httpSeconds), warmupSeconds: q ? 1 : 3 };
  const profileSeconds = Number(a['profile-seconds']);
  const r = await measureDashboardScale({ buildDir, appUrl: bench.urls.app, publicUrl: bench.urls.public, superuserUrl: bench.superuser, ...o, profileSeconds, log });
  if (r.skipped) log(`(j) skipped: ${r.skipped.split('\n')[0]}`);
  else log(`(j) dashboard p50 ${r.dashboards.map((d) => `${d.projects}: ${d.result.latency.p50.toFixed(1)} ms`).join(', ')}; /api/health ${r.health!.latency.p50.toFixed(1)} ms`);
  writeDashboardScale(r, a.out!, { startedAt, machine: machine(), seconds: o.seconds, connections: o.connections });
}

async function onlyDashboard() {
  const bench = await openBenchDatabase({ dir: '.data/bench/pg', port: 54361, ephemeral: false });
  try {
    const auth: Record<string, string> = { ...ensureLocalAuth(path.join(ROOT, '.data', 'bench', 'local-auth')) };
    const build = buildApp(
      { source: a['app-source'] === 'worktree' ? 'worktree' : 'head', rebuild: a.rebuild, commit: a['app-commit'], log },
      auth,
    );
    log(`(j) app build ${build.commit}${build.reused ? ' (reused)' : ` built in ${build.seconds.toFixed(0)} s`}`);
    await dashboardSection(build.dir, bench);
    log(`wrote ${path.relative(process.cwd(), path.join(a.out!, 'dashboard-scale.md'))} and dashboard-scale.json`);
  } finally {
    await bench.close();
  }
}

/** (l): the export of one big tenant in a child process; a peak RSS at or over the limit fails the run. */
async function exportSection(bench: Awaited<ReturnType<typeof openBenchDatabase>>): Promise<ExportBenchResult> {
  const rows = num(a['export-rows'], 100_000, 10_000);
  const photos = num(a['export-photos'], 5_000, 500);
  log(`(l) organization export: ${rows.toLocaleString('en')} rows, ${photos.toLocaleString('en')} photos…`);
  const r = await measureExport({ root: ROOT, appUrl: bench.urls.app, superuserUrl: bench.superuser, rows, photos, log });
  if (r.status !== 'measured') {
    process.exitCode = 1;
    log(`(l) FAIL: ${r.note}`);
  } else {
    if (!r.pass) process.exitCode = 1;
    log(
      `(l) ${r.pass ? 'PASS' : 'FAIL'}: ${r.exportedRows!.toLocaleString('en')} rows + ${photos.toLocaleString('en')} photos in ${r.seconds!.toFixed(1)} s, zip ${r.zipMB!.toFixed(1)} MB, worker peak RSS ${r.peakRssMB!.toFixed(0)} MB (limit ${EXPORT_RSS_LIMIT_MB} MB)`,
    );
  }
  return r;
}

async function onlyExport() {
  const bench = await openBenchDatabase({ dir: '.data/bench/pg', port: 54361, ephemeral: false });
  try {
    const r = await exportSection(bench);
    fs.writeFileSync(path.join(a.out!, 'export.json'), `${JSON.stringify({ startedAt: new Date().toISOString(), machine: machine(), ...r }, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), path.join(a.out!, 'export.json'))}`);
  } finally {
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
