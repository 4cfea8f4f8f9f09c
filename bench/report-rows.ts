/**
 * The bench's results (results.json) and the one table made of them: a row
 * per figure with its value, target and verdict. Every figure is a ratio of
 * two things measured side by side in one run; targets are reported, never
 * asserted. A figure measured while the machine was loaded says so.
 */
import type { FilesResult } from './files';
import type { ExportBenchResult } from './export';
import type { AuditResult } from './audit';
import type { CacheResult } from './cache';
import type { DoorResult } from './door';
import type { HttpResult } from './http';
import type { ProvisionResult } from './provision';
import type { ShapeResult } from './rls';
import type { SearchResult } from './search';
import { loadedBy, type SectionLoads } from './lib/load-average';

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
  export?: ExportBenchResult;
  cache?: CacheResult;
  search?: SearchResult;
  /** Load average at the start and end of each section, by its letter (lib/load-average.ts). */
  load?: SectionLoads;
}

export interface Row {
  figure: string;
  value: string;
  target: string;
  verdict: string;
  /** For the chart: a ratio and the target line (1 = parity). */
  chart?: { label: string; value: number; target?: number };
}

export const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
export const pct = (r: number) => (Number.isFinite(r) ? `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %` : 'n/a');
export const ms = (n: number) => `${n.toFixed(3)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The table's rows; a figure of a section measured under load gets a note in its verdict. */
export function rows(r: Results): Row[] {
  return figureRows(r).map((row) => {
    const letter = /^\((\w)\)/.exec(row.figure)?.[1];
    // (e) and (g) run inside the HTTP section (d).
    const section = letter === 'e' || letter === 'g' ? 'd' : letter;
    const peak = section ? loadedBy(r.load, section, r.machine?.cpus ?? 0) : undefined;
    return peak === undefined ? row : { ...row, verdict: `${row.verdict}${row.verdict ? ' ' : ''}(loaded: 1-min load ${peak.toFixed(1)} on ${r.machine.cpus} cores)` };
  });
}

function figureRows(r: Results): Row[] {
  const out: Row[] = [];
  for (const s of r.rls ?? []) {
    out.push({
      figure: `(a) RLS, ${s.shape} (app door / superuser door)`,
      value:
        `p50 ${pct(s.rls.p50)}, p99 ${pct(s.rls.p99)}` +
        (s.runs?.length > 1
          ? ` (median of ${s.runs.length} runs; p50 ${pct(Math.min(...s.runs.map((v) => v.p50)))} … ${pct(Math.max(...s.runs.map((v) => v.p50)))})`
          : '') +
        `; server ${pct(s.server.ratio.p50)}`,
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
  if (r.search) {
    const k = r.search;
    out.push({
      figure: `(k) project search, app role (${k.projects.toLocaleString('en')} projects): trigram index / ILIKE only`,
      value: `plan ${k.usesIndex ? 'uses' : 'does NOT use'} the index; p50 ${x(k.ratio.p50)} (${ms(k.indexed.p50)} vs ${ms(k.ilike.p50)}), p99 ${x(k.ratio.p99)}`,
      target: 'index scan; < 1×',
      verdict: verdict(k.usesIndex && k.ratio.p50 < 1),
      chart: { label: 'search: trigram / ILIKE p50', value: k.ratio.p50, target: 1 },
    });
  }
  for (const d of r.door ?? []) {
    // Targets (issue 16): ≤ 1.3× with prepared statements, ≤ 1.5× without (one more wait: Parse/Describe).
    const target = d.prepare ? 1.3 : 1.5;
    const via = d.route === 'pgbouncer' ? ', through PgBouncer' : '';
    out.push({
      figure: `(b) ${d.doorWrite ? 'read door' : 'door'} / bare, fetch by id, prepare ${d.prepare}${via}`,
      value:
        `p50 ${x(d.door.p50)}, p99 ${x(d.door.p99)}` +
        (d.doorWrite ? ` (write door, COMMIT awaited: p50 ${x(d.doorWrite.p50)})` : ''),
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
    const cookie = h.api.breakdown?.healthAuth;
    if (cookie) {
      const ratio = h.api.next.rps / cookie.rps;
      const cpu = (l: typeof cookie) => l.cpuPerRequest?.['next start'] ?? Number.NaN;
      out.push({
        figure: `(d) ${h.route} / GET /api/health, same session cookie`,
        value: `req/s ${x(ratio)} (${h.api.next.rps.toFixed(0)} vs ${cookie.rps.toFixed(0)}); server CPU/req ${x(cpu(h.api.next) / cpu(cookie))}; route / raw handler ${x(h.api.throughput)}`,
        target: '≥ 0.70× throughput',
        verdict: verdict(ratio >= 0.7),
        chart: { label: 'API route / health with cookie', value: ratio, target: 0.7 },
      });
    }
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
