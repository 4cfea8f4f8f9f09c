/**
 * Project search under RLS (docs/search.md): the app role's plan finds
 * candidates through project_search_trigrams' btree index, and the results
 * are exactly what the old ILIKE-only query returned. Realistic size: one
 * tenant with 12,000 projects next to a neighbour with 4,000, loaded as the
 * superuser (the trigger fills the trigram rows as it would for the app).
 */
import { sql, type SQL } from 'drizzle-orm';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { createOrganization, uniqueId } from '@/tests/support/factories';
import { withTenant, type Tx } from '../tenant';
import { createProject, listProjects, updateProject } from './projects';

const BIG = 12_000;
const NEIGHBOUR = 4_000;
const A = { orgId: uniqueId('org', 'searchA'), userId: uniqueId('user', 'searchA') };
const B = { orgId: uniqueId('org', 'searchB'), userId: uniqueId('user', 'searchB') };
const inA = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(A, fn);

/** The query before the index: ILIKE on the three columns alone (what the results must still equal). */
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const oldSearch = (tx: Tx, orgId: string, term: string) =>
  tx.execute<{ id: string }>(sql`select id from projects where organization_id = ${orgId}
    and (name ilike ${like(term)} or address ilike ${like(term)} or npdes_permit_id ilike ${like(term)})
    order by created_at desc, id desc limit 10001`);

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
async function planOf(tx: Tx, query: SQL | { getSQL(): SQL }): Promise<PlanNode[]> {
  const rows = await tx.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(sql`explain (format json) ${query}`);
  return nodes(rows[0]!['QUERY PLAN'][0]!.Plan);
}
const TRIGRAM_INDEX = 'project_search_trigrams_org_trigram_project_uq';

const WORDS = ['Hillcrest', 'Oak Park', 'Lakeview', 'Mill Creek', 'Cedar Ridge', 'Elm Street', 'Harbor Point', 'Riverbend'];

beforeAll(async () => {
  await createOrganization(A.orgId, A.userId);
  await createOrganization(B.orgId, B.userId);
  const su = testDatabase.sql('superuser');
  for (const [org, n] of [[A.orgId, BIG], [B.orgId, NEIGHBOUR]] as const) {
    await su`
      insert into projects (organization_id, name, address, npdes_permit_id, created_by, created_at)
      select ${org}, 'Site ' || j || ' ' || (${WORDS}::text[])[1 + j % 8], j || ' Main St', 'TXR15' || lpad(j::text, 6, '0'),
             'factory', now() - make_interval(mins => j)
      from generate_series(1, ${n}::int) j`;
  }
  await su`analyze projects, project_search_trigrams`;
}, 120_000);

afterAll(async () => {
  await testDatabase.closeAll();
});

describe('project search under RLS', () => {
  it("the app role's plan reaches the trigram index with text equality", async () => {
    const plan = await inA((tx) => planOf(tx, listProjects(tx, A.orgId, { search: 'riverbend', limit: 50 })));
    const scan = plan.find((n) => n['Index Name'] === TRIGRAM_INDEX);
    expect(scan, JSON.stringify(plan.map((n) => n['Node Type'] + ' ' + (n['Index Name'] ?? '')))).toBeDefined();
    expect(scan!['Index Cond']).toMatch(/trigram = ANY/);
  });

  it('negative control: ILIKE cannot use a pg_trgm index under RLS, though the same plan without RLS does', async () => {
    // The design this replaces: a GIN trigram index on the column, built and rolled back in one transaction.
    const su = testDatabase.sql('superuser', { max: 1 });
    const indexesUsed = async (tx: postgres.TransactionSql) => {
      const [row] = await tx.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
        `explain (format json) select id from projects where organization_id = $1 and name ilike $2`,
        [A.orgId, like('riverbend')],
      );
      return nodes(row!['QUERY PLAN'][0]!.Plan).map((n) => n['Index Name'] ?? '');
    };
    const plans = await su
      .begin(async (tx) => {
        await tx`create extension if not exists pg_trgm`;
        await tx`create index projects_name_trgm_probe on projects using gin (name gin_trgm_ops)`;
        await tx`analyze projects`;
        await tx`set local enable_seqscan = off`;
        const superuser = await indexesUsed(tx);
        await tx`set local role brave_app`;
        await tx`select set_config('app.current_org', ${A.orgId}, true)`;
        const app = await indexesUsed(tx);
        throw new Rollback({ superuser, app });
      })
      .catch((e: unknown) => {
        if (e instanceof Rollback) return e.detail as { superuser: string[]; app: string[] };
        throw e;
      });
    expect(plans.superuser).toContain('projects_name_trgm_probe');
    expect(plans.app).not.toContain('projects_name_trgm_probe');
  });

  it('negative control: the old ILIKE-only query as the app role never touches the trigram index', async () => {
    const plan = await inA((tx) =>
      planOf(tx, sql`select id from projects where organization_id = ${A.orgId} and name ilike ${like('riverbend')} order by created_at desc limit 50`),
    );
    expect(plan.map((n) => n['Index Name'])).not.toContain(TRIGRAM_INDEX);
  });

  const TERMS = ['Riverbend', 'riverbend', 'RIVER', 'bend', 'Site 11', '11 Main', 'txr150001', 'Oak Park', 'k P', 'ee', 'e', 'St', 'zzz', '100%', 'e_S', 'Main St', '999 Main St', 'Ridge 1'];
  it.each(TERMS)('the same projects as the ILIKE-only query for %j', async (term) => {
    const [now, before] = await inA(async (tx) => [
      (await listProjects(tx, A.orgId, { search: term, limit: 10_000 })).map((p) => p.id),
      (await oldSearch(tx, A.orgId, term)).map((r) => r.id),
    ]);
    expect(now).toEqual(before);
  });

  it('keeps the index in step with writes: a created, renamed and re-addressed project, mixed case and accents', async () => {
    const actor = { orgId: A.orgId, userId: A.userId };
    const p = await inA((tx) => createProject(tx, actor, { name: 'Ärger Über-Bau', address: '5 Quay Rd' }));
    const find = (term: string) => inA(async (tx) => (await listProjects(tx, A.orgId, { search: term, limit: 5 })).map((r) => r.id));
    const old = (term: string) => inA(async (tx) => (await oldSearch(tx, A.orgId, term)).map((r) => r.id));
    expect(await find('quay')).toEqual([p.id]);
    // Non-ASCII case folding follows the database's ctype, for ILIKE and lower() alike.
    for (const term of ['über', 'Über', 'ÄRGER', 'Ärger']) expect(await find(term)).toEqual(await old(term));
    expect(await find('Über')).toEqual([p.id]);
    await inA((tx) => updateProject(tx, actor, p.id, { name: 'Quarry lot', address: '9 Wharf Ln', npdesPermitId: 'NHR100777' }));
    expect(await find('Über')).toEqual([]);
    expect(await find('quay')).toEqual([]);
    expect(await find('wharf')).toEqual([p.id]);
    expect(await find('hr100777')).toEqual([p.id]);
    // Rows of the other tenant never come back, even for a term both have.
    const [fromB] = await withTenant(B, async (tx) => [(await listProjects(tx, B.orgId, { search: 'quarry', limit: 5 })).length]);
    expect(fromB).toBe(0);
  });
});

class Rollback extends Error {
  constructor(readonly detail: unknown) {
    super('rollback');
  }
}
