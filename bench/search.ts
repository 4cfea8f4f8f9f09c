/**
 * (k) Project search under RLS (docs/search.md): the app's listProjects with a
 * search term — candidates from project_search_trigrams' btree index, then the
 * ILIKE recheck — against the ILIKE-only query it replaced, both as brave_app
 * inside the door, interleaved, on one tenant of about `size` projects. The
 * bulk load skips triggers, so that tenant's trigram rows are filled here.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Database } from '@/db/client';
import { listProjects } from '@/db/queries/projects';
import { withTenantOn } from '@/db/tenant';
import { orgIdOf, SEARCH_WORD } from './lib/setup';
import { ratio, sampleInterleaved, type Ratio, type Summary } from './lib/stats';

export interface SearchResult {
  orgId: string;
  projects: number;
  trigramRows: number;
  term: string;
  /** The app role's plan of listProjects: does it reach the trigram index? */
  usesIndex: boolean;
  plan: string;
  ilike: Summary;
  indexed: Summary;
  /** indexed / ilike. */
  ratio: Ratio;
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
const flat = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(flat)];

export async function measureSearch(o: {
  superuserUrl: string;
  app: Database;
  counts: number[];
  size: number;
  warmup: number;
  samples: number;
}): Promise<SearchResult> {
  const rank = o.counts.reduce((best, n, i) => (Math.abs(n - o.size) < Math.abs(o.counts[best]! - o.size) ? i : best), 0);
  const orgId = orgIdOf(rank + 1);
  const su = postgres(o.superuserUrl, { max: 1, onnotice: () => {} });
  let trigramRows = 0;
  try {
    await su`delete from project_search_trigrams where organization_id = ${orgId}`;
    const r = await su`
      insert into project_search_trigrams (organization_id, project_id, trigram)
      select distinct p.organization_id, p.id, g from projects p,
        unnest(search_trigrams(p.name) || search_trigrams(p.address) || search_trigrams(coalesce(p.npdes_permit_id, ''))) g
      where p.organization_id = ${orgId}`;
    trigramRows = r.count;
    await su`analyze project_search_trigrams`;
  } finally {
    await su.end({ timeout: 1 });
  }
  const scope = { orgId, userId: 'user_bench' };
  const term = SEARCH_WORD.toLowerCase();
  const like = `%${term}%`;
  const plan = await withTenantOn(o.app, scope, async (tx) => {
    const rows = await tx.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      sql`explain (format json) ${listProjects(tx, orgId, { search: term, limit: 50 })}`,
    );
    return flat(rows[0]!['QUERY PLAN'][0]!.Plan);
  });
  const [ilike, indexed] = await sampleInterleaved(
    [
      {
        name: 'ILIKE only',
        run: () =>
          withTenantOn(o.app, scope, (tx) =>
            tx.execute(sql`select * from projects where organization_id = ${orgId}
              and (name ilike ${like} or address ilike ${like} or npdes_permit_id ilike ${like})
              order by created_at desc, id desc limit 51`),
          ),
      },
      { name: 'trigram index + ILIKE', run: () => withTenantOn(o.app, scope, (tx) => listProjects(tx, orgId, { search: term, limit: 50 })) },
    ],
    { warmup: o.warmup, samples: o.samples, pick: () => undefined },
  );
  return {
    orgId,
    projects: o.counts[rank]!,
    trigramRows,
    term,
    usesIndex: plan.some((n) => n['Index Name'] === 'project_search_trigrams_org_trigram_project_uq'),
    plan: plan.map((n) => `${n['Node Type']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`).join(' > '),
    ilike: ilike!,
    indexed: indexed!,
    ratio: ratio(indexed!, ilike!),
  };
}
