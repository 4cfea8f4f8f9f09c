/**
 * The capacity model of docs/scaling.md, computed from one run's measured CPU
 * per request so every bench run restates it (report.md, "Capacity model").
 * Inputs that the bench does not measure are named ASSUMPTIONS below; change
 * them here and in docs/scaling.md together.
 */
import type { Results } from './report-rows';

const ASSUMPTIONS = {
  tenants: 10_000,
  activeUsersPerTenant: 50,
  /** Share of a tenant's active users working in the same peak minute (crews start 6–7 am local time). */
  peakShare: 0.6,
  /** Requests per user in that minute: page views, API reads, writes. */
  perUserPerMinute: { page: 1, api: 2, write: 0.3 },
  /** A write (door + audit row + obligations recompute) against an uncached API read, CPU on both tiers. */
  writeOverRead: 2,
  /** Plan for this share of each core, so a peak inside the peak does not queue. */
  utilization: 0.6,
  appInstanceCores: 2,
  citusWorkerCores: 16,
  /** Server connections one PgBouncer pool keeps to a worker (PostgreSQL's sweet spot is a few per core). */
  connectionsPerPool: 40,
  /** Transactions per second one PgBouncer process (single-threaded) carries at ~60 % of its core. */
  pgbouncerTxPerSecond: 15_000,
} as const;

interface CapacityModel {
  peakRps: { page: number; api: number; write: number; total: number };
  /** CPU ms per request as measured: app server and PostgreSQL, per route kind. */
  cpuMs: { page: { app: number; pg: number }; api: { app: number; pg: number }; apiMiss: { app: number; pg: number }; write: { app: number; pg: number } };
  appCores: number;
  appInstances: number;
  pgCores: number;
  citusWorkers: number;
  /** Concurrent transactions (Little's law: tx/s × seconds held) and the pools/processes they need. */
  pgbouncer: { txPerSecond: number; concurrentTx: number; pools: number; processes: number };
  /** The tier that needs the most machines per unit of load. */
  saturatesFirst: string;
}

const cpu = (l: { cpuPerRequest?: Record<string, number> } | undefined, key: string) => l?.cpuPerRequest?.[key] ?? Number.NaN;

function capacityModel(r: Results, a = ASSUMPTIONS): CapacityModel | undefined {
  const api = r.http?.api;
  const page = r.http?.dashboard?.page;
  if (!api || !page) return undefined;
  // The API row of (d) is served mostly from the tenant cache; (h)'s CACHE=off server gives the miss.
  const off = r.cache?.cells.find((c) => c.route === 'api' && c.tenant === 'largest' && c.variant === 'off');
  const apiMiss = { app: off ? off.serverCpuMs : cpu(api.next, 'next start'), pg: cpu(off?.result ?? api.next, 'postgres') };
  const cpuMs = {
    page: { app: cpu(page, 'next start'), pg: cpu(page, 'postgres') },
    api: { app: cpu(api.next, 'next start'), pg: cpu(api.next, 'postgres') },
    apiMiss,
    write: { app: apiMiss.app * a.writeOverRead, pg: apiMiss.pg * a.writeOverRead },
  };
  const users = a.tenants * a.activeUsersPerTenant * a.peakShare;
  const rate = (n: number) => (users * n) / 60;
  const peakRps = { page: rate(a.perUserPerMinute.page), api: rate(a.perUserPerMinute.api), write: rate(a.perUserPerMinute.write), total: 0 };
  peakRps.total = peakRps.page + peakRps.api + peakRps.write;
  // Reads are planned as misses: a tenant's first read after each write misses, and writes come every few seconds at peak.
  const cores = (tier: 'app' | 'pg') =>
    (peakRps.page * cpuMs.page[tier] + peakRps.api * cpuMs.apiMiss[tier] + peakRps.write * cpuMs.write[tier]) / 1000 / a.utilization;
  const appCores = cores('app');
  const pgCores = cores('pg');
  const door = r.door?.find((d) => !d.prepare) ?? r.door?.[0];
  const txMs = door?.variants.find((v) => v.name.startsWith('door'))?.stats.p50 ?? 1;
  const txPerSecond = peakRps.total * 1.2; // + the usage counter's flushes and the off-hours checks
  const concurrentTx = (txPerSecond * txMs) / 1000;
  const citusWorkers = Math.ceil(pgCores / a.citusWorkerCores);
  return {
    peakRps,
    cpuMs,
    appCores,
    appInstances: Math.ceil(appCores / a.appInstanceCores),
    pgCores,
    citusWorkers,
    pgbouncer: {
      txPerSecond,
      concurrentTx,
      pools: Math.max(citusWorkers, Math.ceil(concurrentTx / a.connectionsPerPool)),
      processes: Math.ceil(txPerSecond / a.pgbouncerTxPerSecond),
    },
    saturatesFirst: appCores > pgCores ? 'the app servers (CPU)' : 'PostgreSQL (CPU)',
  };
}

export function capacitySection(r: Results): string[] {
  const m = capacityModel(r);
  if (!m) return [];
  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: d }) : 'n/a');
  const a = ASSUMPTIONS;
  return [
    '## Capacity model (docs/scaling.md, bench/capacity.ts)',
    '',
    `${f(a.tenants)} tenants × ${a.activeUsersPerTenant} active users, ${a.peakShare * 100} % of them in the same peak minute, each sending ` +
      `${a.perUserPerMinute.page} page / ${a.perUserPerMinute.api} API reads / ${a.perUserPerMinute.write} writes a minute: ` +
      `${f(m.peakRps.total)} req/s (${f(m.peakRps.page)} pages, ${f(m.peakRps.api)} API, ${f(m.peakRps.write)} writes).`,
    '',
    '| route kind | app CPU ms/req | PostgreSQL CPU ms/req |',
    '|---|---|---|',
    `| page (dashboard, (e)) | ${f(m.cpuMs.page.app, 2)} | ${f(m.cpuMs.page.pg, 2)} |`,
    `| API read, cached ((d)) | ${f(m.cpuMs.api.app, 2)} | ${f(m.cpuMs.api.pg, 2)} |`,
    `| API read, uncached ((h) CACHE=off) — planned for | ${f(m.cpuMs.apiMiss.app, 2)} | ${f(m.cpuMs.apiMiss.pg, 2)} |`,
    `| write (assumed ${a.writeOverRead}× an uncached read) | ${f(m.cpuMs.write.app, 2)} | ${f(m.cpuMs.write.pg, 2)} |`,
    '',
    `At ${a.utilization * 100} % utilization: **${f(m.appCores)} app cores = ${f(m.appInstances)} instances of ${a.appInstanceCores} cores**; ` +
      `**${f(m.pgCores)} PostgreSQL cores = ${f(m.citusWorkers)} Citus workers of ${a.citusWorkerCores} cores**; ` +
      `${f(m.pgbouncer.txPerSecond)} transactions/s × the door's p50 = ${f(m.pgbouncer.concurrentTx, 1)} concurrent transactions: ` +
      `**${f(m.pgbouncer.pools)} PgBouncer pools** (one per worker at least) in **${f(m.pgbouncer.processes)} PgBouncer processes**. ` +
      `Saturates first: ${m.saturatesFirst}. Figures measured on this shared 2-core machine are inflated by its load (see the load table).`,
    '',
  ];
}
