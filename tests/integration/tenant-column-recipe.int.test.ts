/**
 * The recipe for giving an existing, populated table its tenant column
 * (docs/tenant-column-migration.md), run step by step as real migrations on a
 * table of 3,000 rows of two organizations: expand → backfill in batches as the
 * owner → NOT NULL + CHECK → composite keys → RLS, ending with the catalog
 * rules of tests/integration/rls-catalog.int.test.ts green. Controls: the
 * catalog flags the table before the recipe and before its last step; a
 * backfill that ignores FORCE RLS updates nothing; the contract step refuses
 * while a row has no organization.
 */
import fs from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { seedProjects, uniqueId } from '@/tests/support/factories';
import { findRlsViolations } from '@/tests/support/rls-catalog-rules';

const DIR = path.resolve(import.meta.dirname, '../fixtures/tenant-column');
const step = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const NOTES = 3000;

let owner: postgres.Sql;
let su: postgres.Sql;
let app: postgres.Sql;
let orgA: string;
let orgB: string;
let projectsA: string[];
let projectsB: string[];

/** A migration file applied as the owner in one transaction, as the migrator does. */
const migrate = (name: string) => owner.begin((tx) => tx.unsafe(step(name)));

async function asTenant<T>(orgId: string, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await app.begin(async (tx) => {
    await tx`select set_config('app.current_org', ${orgId}, true), set_config('app.current_user', 'user_recipe', true)`;
    return fn(tx);
  })) as T;
}

const siteNoteViolations = async () => (await findRlsViolations(owner)).filter((v) => v.includes('site_notes'));
const nullOrgs = async () => Number((await su<{ n: string }[]>`select count(*) as n from site_notes where organization_id is null`)[0]!.n);

beforeAll(async () => {
  owner = testDatabase.sql('owner');
  su = testDatabase.sql('superuser');
  app = testDatabase.sql('app');
  orgA = uniqueId('org', 'recipeA');
  orgB = uniqueId('org', 'recipeB');
  projectsA = await seedProjects(orgA, 3);
  projectsB = await seedProjects(orgB, 3);
  await migrate('0_legacy.sql');
  const all = [...projectsA, ...projectsB];
  await su`insert into site_notes (project_id, body)
           select (${all}::uuid[])[1 + g % ${all.length}], 'note ' || g from generate_series(1, ${NOTES - 1}) g`;
  // The application, before the recipe, writes with no tenant anywhere.
  await asTenant(orgA, (tx) => tx`insert into site_notes (project_id, body) values (${projectsA[0]!}, 'written by the app')`);
});

describe('adding organization_id to a populated table', () => {
  it('control: the catalog rules flag the legacy table (an app role reads it with no RLS)', async () => {
    expect(await siteNoteViolations()).toContain('table readable by an app role site_notes: row level security is not enabled');
  });

  it('step 1 (expand): a nullable column; rows written in the door from now on carry their organization', async () => {
    await migrate('1_expand.sql');
    await asTenant(orgB, (tx) => tx`insert into site_notes (project_id, body) values (${projectsB[0]!}, 'written after expand')`);
    const [row] = await su<{ organization_id: string }[]>`select organization_id from site_notes where body = 'written after expand'`;
    expect(row!.organization_id).toBe(orgB);
    expect(await nullOrgs()).toBe(NOTES);
  });

  it('control: a backfill as the owner that ignores FORCE RLS on projects silently updates nothing', async () => {
    const naive = step('2_backfill.sql')
      .replaceAll('brave_admin.backfill_site_notes_org', 'brave_admin.naive_backfill')
      .replace(/^\s*ALTER TABLE public\.projects (NO )?FORCE ROW LEVEL SECURITY;$/gm, '');
    expect(naive).not.toMatch(/FORCE ROW LEVEL SECURITY;/);
    await owner.begin((tx) => tx.unsafe(naive));
    await owner.unsafe('CALL brave_admin.naive_backfill(500)');
    await owner.unsafe('DROP PROCEDURE brave_admin.naive_backfill(integer)');
    expect(await nullOrgs()).toBe(NOTES);
  });

  it('control: step 3 refuses while any row has no organization, and changes nothing', async () => {
    await expect(migrate('3_contract.sql')).rejects.toThrow(/site_notes: 3000 rows have no organization_id/);
    const [col] = await su<{ nullable: string }[]>`
      select is_nullable as nullable from information_schema.columns where table_name = 'site_notes' and column_name = 'organization_id'`;
    expect(col!.nullable).toBe('YES');
  });

  it('step 2 (backfill): batches of 500, each committed, leave every row with its project’s organization', async () => {
    await migrate('2_backfill.sql');
    await owner.unsafe('CALL brave_admin.backfill_site_notes_org(500)');
    expect(await nullOrgs()).toBe(0);
    const [wrong] = await su<{ n: string }[]>`
      select count(*) as n from site_notes n join projects p on p.id = n.project_id where p.organization_id <> n.organization_id`;
    expect(Number(wrong!.n)).toBe(0);
    // FORCE was restored on projects by every batch.
    const [p] = await su<{ forced: boolean }[]>`select relforcerowsecurity as forced from pg_class where relname = 'projects'`;
    expect(p!.forced).toBe(true);
  });

  it('steps 3 and 4: NOT NULL + CHECK, then keys and indexes that lead with organization_id', async () => {
    await migrate('3_contract.sql');
    await migrate('4_keys.sql');
    const keys = await su<{ name: string; def: string }[]>`
      select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'site_notes'::regclass and contype <> 'n' order by conname`;
    const [col] = await su<{ nullable: string }[]>`
      select is_nullable as nullable from information_schema.columns where table_name = 'site_notes' and column_name = 'organization_id'`;
    expect(col!.nullable).toBe('NO');
    expect(keys.map((k) => k.name)).toEqual(['site_notes_org_fk', 'site_notes_org_not_empty', 'site_notes_organization_id_id_pk', 'site_notes_project_fk']);
    expect(keys.find((k) => k.name === 'site_notes_project_fk')!.def).toMatch(/^FOREIGN KEY \(organization_id, project_id\) REFERENCES projects\(organization_id, id\)/);
  });

  it('control: before step 5 the catalog still flags the table', async () => {
    expect(await siteNoteViolations()).toEqual(
      expect.arrayContaining([expect.stringMatching(/tenant table site_notes: row level security is not enabled/)]),
    );
  });

  it('step 5 (RLS): the whole catalog conforms, and each organization sees only its own notes', async () => {
    await migrate('5_secure.sql');
    expect(await findRlsViolations(owner)).toEqual([]);

    const counts = await su<{ org: string; n: string }[]>`select organization_id as org, count(*) as n from site_notes group by 1`;
    const expected = new Map(counts.map((c) => [c.org, Number(c.n)]));
    for (const org of [orgA, orgB]) {
      const seen = await asTenant(org, (tx) => tx<{ org: string }[]>`select organization_id as org from site_notes`);
      expect(seen.length).toBe(expected.get(org));
      expect(new Set(seen.map((r) => r.org))).toEqual(new Set([org]));
    }
    // A note of org A pointing at org B's project is refused by the composite foreign key.
    await expect(
      asTenant(orgA, (tx) => tx`insert into site_notes (organization_id, project_id, body) values (${orgA}, ${projectsB[0]!}, 'x')`),
    ).rejects.toThrow(/site_notes_project_fk/);
  });
});
