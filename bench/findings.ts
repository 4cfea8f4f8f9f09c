/**
 * Findings written into bench/report.md from this run's numbers: where a
 * target is missed, why (round trips, plans), and what would fix it.
 */
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
  const door = r.door?.find((d) => d.prepare);
  if (door) {
    const v = (name: string) => door.variants.find((x) => x.name.startsWith(name))!;
    const bare = v('bare (Drizzle');
    const d = v('door (withTenantOn)');
    const one = v('one-trip door');
    const prepared = v('bare, Drizzle .prepare()');
    const naive = v('naive door');
    out.push(
      `- **The door on a fetch by id: ${f2(d.vsBare.p50)}× the bare Drizzle query at p50** (target ≤ 1.30×). Read in round trips (p50 / \`select 1\` p50): ` +
        `bare Drizzle ≈ ${f2(bare.roundTrips)}, the door ≈ ${f2(d.roundTrips)}, the naive door ≈ ${f2(naive.roundTrips)}, bare through a Drizzle ` +
        `\`.prepare()\` ≈ ${f2(prepared.roundTrips)}, the one-trip prototype ≈ ${f2(one.roundTrips)} (${f2(one.vsBare.p50)}× bare). ` +
        'A single-row query costs almost nothing server-side, so the ratio is a count of waits: bare Drizzle waits twice (Drizzle passes ' +
        '`prepare: false` unless a query is named, and postgres.js sends Parse/Describe and waits for the parameter types before Bind/Execute ' +
        'for every parameterized unprepared statement); the door adds BEGIN (postgres.js `sql.begin()` awaits it alone before running the ' +
        'callback) and COMMIT, so 4 waits against 2 — about 2× by construction, whatever the machine. No tuning of the query can reach 1.3×.',
      "- **Fix (in db/tenant.ts / db/client.ts — the lead's files, not edited here):** (1) open the transaction with the settings in one " +
        "simple-protocol message on a reserved connection — `const c = await pool.reserve(); c.unsafe(\"begin; select set_config('app.current_org', '<validated id>', true), " +
        "set_config('app.current_user', '<validated id>', true)\")` — not awaited, so the first query is written behind it, then `commit`/`rollback` and `c.release()`; " +
        "Drizzle can run on that reserved connection with `drizzle(c)`. That removes the lone BEGIN wait. (2) Send the door's queries prepared: " +
        'with `prepare: true` on the pool, postgres.js describes a statement once per connection and then Bind/Execute goes in one write; Drizzle ' +
        'only asks for that on named `.prepare()` queries, so either name the hot queries or wrap the client so `unsafe(q, p, {prepare:false})` ' +
        'honours the pool setting. With both, a fetch by id is BEGIN+settings+query in one flight, COMMIT in a second: the prototype row above ' +
        '(it pipelines COMMIT too, so it is the floor). Under PgBouncer transaction mode (prepare off) the Describe wait stays unless PgBouncer ≥ 1.21 ' +
        'with `max_prepared_statements` lets prepared statements through.',
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
  if (h?.api && h.api.throughput < 0.5) {
    out.push(
      `- **API route at ${f2(h.api.throughput)}× the raw handler's throughput** (target ≥ 0.50×). Both do the same database work (door, active-org check, list query); ` +
        "the difference is Next's request pipeline, the Clerk middleware verifying an RS256 session token per request, and JSON serialization of the Drizzle rows. " +
        'On 2 cores the Next server, PostgreSQL and the load generator share the CPUs, so CPU per request decides throughput.',
    );
  }
  if (h && !h.api) out.push(`- **(d) not measured:** ${h.skipped?.split('\n')[0] ?? h.routeNote}.`);
  if (r.provision) out.push(`- **Provisioning:** pending — ${r.provision.note}.`);
  return out;
}
