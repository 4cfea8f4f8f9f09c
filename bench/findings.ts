/**
 * Findings written into bench/report.md from this run's numbers: where a
 * target is missed, why (round trips, plans), and what would fix it.
 */
import { profileDifference } from './lib/cpuprofile';
import type { Results } from './report';

const f2 = (n: number) => n.toFixed(2);
const pct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;

export function findings(r: Results): string[] {
  const out: string[] = [];
  for (const s of r.rls ?? []) {
    const same = s.plans.su.replace(/^Result > /, '') === s.plans.app.replace(/^Result > /, '');
    if (s.rls.p50 > 1.05 || s.rls.p99 > 1.1) {
      out.push(
        `- **RLS, ${s.shape}: ${pct(s.rls.p50)} p50 / ${pct(s.rls.p99)} p99 end to end** (target +5 % / +10 %). Server-side (EXPLAIN ANALYZE, biggest tenant) ` +
          `the same query costs ${pct(s.server.ratio.p50)} under RLS; plans ${same ? 'have the same spine' : `differ: superuser \`${s.plans.su}\` vs brave_app \`${s.plans.app}\``}. ` +
          (Math.abs(s.server.ratio.p50 - 1) < 0.1 && same
            ? 'With the same plan and ~equal server time, the end-to-end gap is run-to-run noise of a shared machine, not RLS.'
            : 'The policy changes the plan or its cost here: see the plans.'),
      );
    }
  }
  for (const door of r.door ?? []) {
    const v = (name: string) => door.variants.find((x) => x.name.startsWith(name));
    const bare = v('bare (Drizzle');
    const w = v('door (withTenantOn)');
    const d = v('door, read');
    const before = v('previous door');
    const floor = v('one-trip floor');
    const relational = v('door, read, + relational');
    if (!bare || !w || !d || !before || !floor) continue; // a results.json of an older bench
    const target = door.prepare ? 1.3 : 1.5;
    const where = door.route === 'pgbouncer' ? 'through PgBouncer (transaction mode)' : 'direct';
    out.push(
      `- **The read door on a fetch by id, prepare ${door.prepare}, ${where}: ${f2(d.vsBare.p50)}× the bare Drizzle query at p50** (target ≤ ${f2(target)}×; ` +
        `the write door, COMMIT awaited, ${f2(w.vsBare.p50)}×; the previous door, \`db.transaction\` with BEGIN awaited alone, ${f2(before.vsBare.p50)}×). ` +
        `In round trips (p50 / \`select 1\` p50): bare ≈ ${f2(bare.roundTrips)}, the read door ≈ ${f2(d.roundTrips)}, the write door ≈ ${f2(w.roundTrips)}, ` +
        `the previous door ≈ ${f2(before.roundTrips)}, the floor (COMMIT pipelined with the query) ≈ ${f2(floor.roundTrips)}. db/tenant.ts sends BEGIN and the ` +
        'settings as one simple-protocol message with the first query; a read (`begin read only`) answers when its query returned and sends COMMIT behind it, ' +
        'a write waits for COMMIT' +
        (door.prepare ? '.' : '; without prepared statements postgres.js waits for Parse/Describe before Bind/Execute, in the door as in the baseline.') +
        (relational
          ? ` Building the transaction object with Drizzle's relational schema too (a query builder per table, as the door did before db/client.ts dropped it): ${f2(relational.vsBare.p50)}×.`
          : ''),
    );
  }
  if (r.audit) {
    out.push(
      `- **Audit row:** adds ${r.audit.added.p50.toFixed(3)} ms p50 and ${r.audit.added.p99.toFixed(3)} ms p99 to a write (${f2(r.audit.ratio.p50)}× p50). ` +
        'It is one more parameterized INSERT in the open transaction, i.e. two more waits (Describe, then Bind/Execute) under Drizzle; the commit ' +
        'flush is shared with the change. If it must shrink: send it prepared, or pipeline it with the next statement (it returns nothing the caller needs).',
    );
  }
  const h = r.http;
  if (h?.api) {
    const { next, raw, breakdown: b } = h.api;
    const srv = (l: typeof next | null | undefined) =>
      l?.cpuPerRequest ? Object.entries(l.cpuPerRequest).filter(([k]) => k !== 'postgres' && k !== 'load generator').reduce((a, [, v]) => a + (Number.isFinite(v) ? v : 0), 0) : Number.NaN;
    const pgc = (l: typeof next | null | undefined) => l?.cpuPerRequest?.postgres ?? Number.NaN;
    const ms2 = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)} ms` : 'n/a');
    const verdict = h.api.throughput >= 0.5 ? 'met' : 'MISSED';
    out.push(
      `- **(d) API route at ${f2(h.api.throughput)}× the raw handler's throughput** (${next.rps.toFixed(0)} vs ${raw.rps.toFixed(0)} req/s; target ≥ 0.50×: ${verdict}). ` +
        `p50 ${next.latency.p50.toFixed(1)} ms vs ${raw.latency.p50.toFixed(1)} ms. On 2 shared cores throughput is CPU per request: ` +
        `the Next server spends ${ms2(srv(next))} of CPU per API request, the raw handler ${ms2(srv(raw))}; PostgreSQL ${ms2(pgc(next))} vs ${ms2(pgc(raw))}.`,
    );
    if (b) {
      const floor = srv(b.health);
      const withToken = srv(b.healthAuth);
      const route = srv(next);
      const app = srv(b.rawApp);
      out.push(
        '- **Where the Next side\'s CPU goes** (server CPU ms per request, measured side by side): ' +
          `\`/api/health\` through \`next start\` without a cookie ${ms2(floor)} (router + proxy.ts + clerkMiddleware with no token: the framework floor, ${b.health.rps.toFixed(0)} req/s); ` +
          `with the session cookie ${ms2(withToken)} (+${ms2(withToken - floor)}: clerkMiddleware decoding and RS256-verifying the token and building the signed-in auth object; \`decide\` stops at "public route", ${b.healthAuth.rps.toFixed(0)} req/s); ` +
          `the API route ${ms2(route)} (+${ms2(route - withToken)} over that: \`auth()\` again in the handler — Clerk decrypts the options its middleware encrypted into a request header, ` +
          `checks the token's HMAC and decodes it — then the org's cached facts, the rate limit and the usage count, the tenant cache's lookup of the list (a miss: the read door and \`listProjects\`), the JSON answer; ` +
          'the CPU profile below splits it). ' +
          (b.rawApp
            ? `The same database code in a plain node:http server (no Next, no Clerk) costs ${ms2(app)} of CPU and does ${b.rawApp.rps.toFixed(0)} req/s ` +
              `(${f2(b.rawApp.rps / raw.rps)}× the raw handler); PostgreSQL works ${ms2(pgc(b.rawApp))} per request for it vs ${ms2(pgc(raw))} for the raw handler ` +
              '(it uses the write door — BEGIN, SET LOCAL and the active check in one flight, the list, COMMIT awaited — where the route’s miss would take the read door, see (b)). ' +
              `So of the ${ms2(route - srv(raw))} the route costs over the raw handler, ≈ ${ms2(app - srv(raw))} is the project's db layer (Drizzle + door), ` +
              `≈ ${ms2(withToken - floor)} the session check, and ≈ ${ms2(floor + (route - withToken) - (app))} the rest: Next's floor (routing, the proxy hop, the route-handler wrapper) and Clerk's auth() in the handler.`
            : '') +
          (h.api.micro
            ? ` For scale, in this process: one RS256 verify of the token with an imported key ${h.api.micro.rs256VerifyMs.toFixed(3)} ms, ` +
              (h.api.micro.rs256ImportAndVerifyMs !== undefined
                ? `${h.api.micro.rs256ImportAndVerifyMs.toFixed(3)} ms with the WebCrypto importKey of the PEM that @clerk/backend's verifyJwt repeats on every request; `
                : '') +
              `JSON.stringify of one ${(h.api.micro.bodyBytes / 1024).toFixed(1)} KiB answer ${h.api.micro.jsonStringifyMs.toFixed(3)} ms` +
              ((h.api.micro.rs256ImportAndVerifyMs ?? h.api.micro.rs256VerifyMs) + h.api.micro.jsonStringifyMs < 0.25 * (route - srv(raw))
                ? ' — together under a quarter of the gap: neither is the bottleneck.'
                : '.')
            : ''),
      );
    }
  }
  if (h?.profile) {
    const top = h.profile.categories
      .filter((c) => c.inclusivePct >= 2)
      .map((c) => `${c.category} ${c.inclusivePct.toFixed(0)} % (self ${c.selfPct.toFixed(0)} %)`)
      .join('; ');
    out.push(`- **CPU profile of the Next server on the API route** (inclusive share of busy time): ${top}.`);
  }
  if (h?.profile && h.healthProfile) {
    const d = profileDifference(h.profile, h.healthProfile);
    const parts = d.rows
      .filter((row) => Math.abs(row.overMs) >= 0.05)
      .map((row) => `${row.category} ${row.overMs >= 0 ? '+' : ''}${row.overMs.toFixed(2)} ms`)
      .join('; ');
    out.push(
      `- **The API route's CPU over /api/health with the same cookie, both profiled:** ${d.routeMs.toFixed(2)} vs ${d.floorMs.toFixed(2)} ms per request (+${d.overMs.toFixed(2)} ms), by self time: ${parts}.`,
    );
  }
  if (h && !h.api) out.push(`- **(d) not measured:** ${h.skipped?.split('\n')[0] ?? h.routeNote}.`);
  const p = r.provision;
  if (p?.webhooks && p.direct) {
    out.push(
      `- **Provisioning:** a new org end to end (3 webhooks) takes p50 ${p.webhooks.total.p50.toFixed(1)} ms / p99 ${p.webhooks.total.p99.toFixed(1)} ms ` +
        `(target ≤ 1 s: ${p.webhooks.total.p99 <= 1000 ? 'met' : 'MISSED'}); organization.created alone p50 ${p.webhooks.org.p50.toFixed(1)} ms, ` +
        `provisionTenant() alone p50 ${p.direct.p50.toFixed(1)} ms. It is a handful of multi-row INSERTs in one transaction; nothing here needs work.`,
    );
  } else if (p) out.push(`- **Provisioning: not measured** — ${p.note}.`);
  return out;
}
