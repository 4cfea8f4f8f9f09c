/**
 * (a) What RLS costs: five query shapes over the Zipf data set, each run
 *   A  bare     — superuser, explicit organization_id filter, no transaction
 *   B  su door  — superuser inside withTenantOn (same BEGIN/set_config/COMMIT), explicit filter: RLS bypassed
 *   C  app door — brave_app inside withTenantOn, explicit filter AND RLS (what the app does)
 *   D  RLS only — brave_app inside withTenantOn, no explicit filter (the policy alone)
 * RLS overhead = C / B (only the role differs); the door = B / A. Each shape is
 * sampled `runs` times, the runs spread over the section; the median run is
 * reported and every run's C / B beside it. The same
 * queries are also timed server-side (EXPLAIN ANALYZE execution time, no
 * network) so the RLS figure can be read apart from round-trip noise.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { withTenantOn } from '@/db/tenant';
import { SEARCH_WORD, type Target } from './lib/setup';
import { ratio, sampleInterleaved, summarize, type Ratio, type Summary } from './lib/stats';

type Shape = { name: string; query: (t: Target, filter: boolean) => SQL };

const org = (t: Target, filter: boolean, alias = '') =>
  filter ? sql`${sql.raw(alias)}organization_id = ${t.orgId} and` : sql``;

const SHAPES: Shape[] = [
  {
    name: 'by id',
    query: (t, f) => sql`select id, organization_id, name, status from projects where ${org(t, f)} id = ${t.projectId}`,
  },
  {
    name: 'newest 50',
    query: (t, f) =>
      sql`select id, name, created_at from projects where ${org(t, f)} true order by created_at desc, id desc limit 50`,
  },
  {
    name: 'count',
    query: (t, f) => sql`select count(*)::int as n from projects where ${org(t, f)} true`,
  },
  {
    name: 'join',
    query: (t, f) => sql`select p.name, i.id, i.status, i.inspected_at
      from projects p join inspections i on i.organization_id = p.organization_id and i.project_id = p.id
      where ${org(t, f, 'p.')} p.id = ${t.joinProjectId} order by i.inspected_at desc limit 20`,
  },
  {
    name: 'text search',
    query: (t, f) => sql`select id, name from projects
      where ${org(t, f)} name ilike ${`%${SEARCH_WORD.toLowerCase()}%`} order by created_at desc limit 50`,
  },
];

export interface ShapeResult {
  shape: string;
  bare: Summary;
  suDoor: Summary;
  appDoor: Summary;
  rlsOnly: Summary;
  /** appDoor / suDoor: the cost of RLS alone, in the median run (by p50) of `runs`. */
  rls: Ratio;
  /** RLS (appDoor / suDoor) in each run, in the order they ran: the spread between runs. */
  runs: Ratio[];
  /** rlsOnly / suDoor. */
  rlsOnlyRatio: Ratio;
  /** suDoor / bare: the door's transaction. */
  door: Ratio;
  /** Server-side execution time (EXPLAIN ANALYZE), superuser vs brave_app, on the biggest tenant. */
  server: { su: Summary; app: Summary; ratio: Ratio };
  /** The two plans' top nodes, to show they match (or why not). */
  plans: { su: string; app: string };
}

export interface RlsOptions {
  su: Database;
  app: Database;
  targets: Target[];
  warmup: number;
  samples: number;
  /** EXPLAIN ANALYZE repetitions per side (interleaved). */
  explains: number;
  /** Separate interleaved samplings of every shape (issue 16: the spread over at least three runs). */
  runs: number;
}

const SCOPE_USER = 'user_bench';

type Sampled = { bare: Summary; suDoor: Summary; appDoor: Summary; rlsOnly: Summary };

/** One interleaved sampling of a shape's four variants. */
async function sampleShape(o: RlsOptions, shape: Shape): Promise<Sampled> {
  const scope = (t: Target) => ({ orgId: t.orgId, userId: SCOPE_USER });
  const [bare, suDoor, appDoor, rlsOnly] = await sampleInterleaved(
    [
      { name: 'bare', run: (t: Target) => o.su.execute(shape.query(t, true)) },
      { name: 'su door', run: (t: Target) => withTenantOn(o.su, scope(t), (tx) => tx.execute(shape.query(t, true))) },
      {
        name: 'app door',
        run: (t: Target) => withTenantOn(o.app, scope(t), (tx) => tx.execute(shape.query(t, true))),
      },
      {
        name: 'rls only',
        run: (t: Target) => withTenantOn(o.app, scope(t), (tx) => tx.execute(shape.query(t, false))),
      },
    ],
    {
      warmup: o.warmup,
      samples: o.samples,
      pick: (i) => o.targets[i % o.targets.length]!,
      check: (v, t, rows) => {
        if (shape.name === 'by id' && (rows as unknown[]).length !== 1) throw new Error(`${shape.name}: variant ${v} missed ${t.projectId}`);
      },
    },
  );
  return { bare: bare!, suDoor: suDoor!, appDoor: appDoor!, rlsOnly: rlsOnly! };
}

/** The run whose RLS p50 is the median of the runs: its figures are the ones reported. */
export function medianRun<T extends { rls: Ratio }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.rls.p50 - b.rls.p50);
  return sorted[(sorted.length - 1) >> 1]!;
}

export async function measureRls(o: RlsOptions): Promise<ShapeResult[]> {
  const results: ShapeResult[] = [];
  const biggest = o.targets.reduce((a, b) => (b.rank < a.rank ? b : a));
  // Runs outermost: each shape's runs are spread over the section, so the spread shows the machine's drift too.
  const sampled: Sampled[][] = SHAPES.map(() => []);
  for (let run = 0; run < Math.max(1, o.runs); run++) {
    for (const [i, shape] of SHAPES.entries()) sampled[i]!.push(await sampleShape(o, shape));
  }
  for (const [k, shape] of SHAPES.entries()) {
    const scope = (t: Target) => ({ orgId: t.orgId, userId: SCOPE_USER });
    const runs = sampled[k]!.map((r) => ({ ...r, rls: ratio(r.appDoor, r.suDoor) }));
    const { bare, suDoor, appDoor, rlsOnly } = medianRun(runs);

    // Server-side: the same query on the biggest tenant, EXPLAIN ANALYZE as superuser and as brave_app.
    const explain = (db: Database, filter: boolean) =>
      withTenantOn(db, scope(biggest), (tx) =>
        tx.execute(sql`explain (analyze, timing off, format json) ${shape.query(biggest, filter)}`),
      ).then((r) => (r as unknown as { 'QUERY PLAN': ExplainJson }[])[0]!['QUERY PLAN'][0]!);
    const suMs: number[] = [];
    const appMs: number[] = [];
    let plans = { su: '', app: '' };
    for (let i = 0; i < o.explains; i++) {
      const suFirst = i % 2 === 0;
      const r1 = await explain(suFirst ? o.su : o.app, true);
      const r2 = await explain(suFirst ? o.app : o.su, true);
      const [b, a] = suFirst ? [r1, r2] : [r2, r1]; // b superuser, a brave_app
      appMs.push(a['Execution Time'] + a['Planning Time']);
      suMs.push(b['Execution Time'] + b['Planning Time']);
      if (i === 0) plans = { su: planLine(b.Plan), app: planLine(a.Plan) };
    }
    const server = { su: summarize(suMs), app: summarize(appMs), ratio: { p50: 0, p99: 0 } };
    server.ratio = ratio(server.app, server.su);
    results.push({
      shape: shape.name,
      bare,
      suDoor,
      appDoor,
      rlsOnly,
      rls: ratio(appDoor, suDoor),
      runs: runs.map((r) => r.rls),
      rlsOnlyRatio: ratio(rlsOnly, suDoor),
      door: ratio(suDoor, bare),
      server,
      plans,
    });
  }
  return results;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
type ExplainJson = { 'Execution Time': number; 'Planning Time': number; Plan: PlanNode }[];

/** "Limit > Index Scan (projects_org_created_idx)" — the spine of a plan, for the report. */
function planLine(node: PlanNode): string {
  const parts: string[] = [];
  let n: PlanNode | undefined = node;
  while (n) {
    parts.push(
      `${n['Node Type']}${n['Index Name'] ? ` (${n['Index Name']})` : n['Relation Name'] ? ` (${n['Relation Name']})` : ''}`,
    );
    n = n.Plans?.find((p) => !('Subplan Name' in p)) ?? n.Plans?.[0];
  }
  return parts.join(' > ');
}
