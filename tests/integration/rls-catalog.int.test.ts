/**
 * Catalog conformance (docs/design.md §2–§3): reads pg_catalog as the owner and
 * lists every way the schema could let one tenant reach another's rows.
 * The negative controls build broken objects inside a rolled-back transaction
 * and prove each rule reports them.
 */
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { findRlsViolations } from '@/tests/support/rls-catalog-rules';

/** Run `fn` in a transaction that is always rolled back, returning fn's result. */
async function rolledBack<T>(sql: postgres.Sql, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  const marker = new Error('rollback');
  let result: T | undefined;
  await sql
    .begin(async (tx) => {
      result = await fn(tx);
      throw marker;
    })
    .catch((e: unknown) => {
      if (e !== marker) throw e;
    });
  return result as T;
}

const SAME_ORG = `organization_id = (select current_setting('app.current_org', true))`;

describe('RLS catalog conformance', () => {
  it('the migrated schema has no violations', async () => {
    const owner = testDatabase.sql('owner');
    expect(await findRlsViolations(owner)).toEqual([]);
  });

  it('sees every tenant table (the rules are not vacuously true)', async () => {
    const owner = testDatabase.sql('owner');
    const [row] = await owner<{ n: number }[]>`
      select count(*)::int as n from information_schema.columns
      where table_schema = 'public' and column_name = 'organization_id'`;
    expect(row!.n).toBeGreaterThanOrEqual(17);
  });
});

describe('RLS catalog conformance — negative controls', () => {
  it('reports a tenant table with no RLS, one not forced, and one with only a SELECT policy', async () => {
    const owner = testDatabase.sql('owner', { max: 1 });
    const found = await rolledBack(owner, async (tx) => {
      // No RLS at all.
      await tx.unsafe(`create table public.leaky (organization_id text not null, id int)`);
      // RLS and all four policies, but not forced: the owner (and any owner-run job) reads everything.
      await tx.unsafe(`create table public.leaky_unforced (organization_id text not null, id int)`);
      await tx.unsafe(`alter table public.leaky_unforced enable row level security`);
      await tx.unsafe(
        `create policy p on public.leaky_unforced for all to brave_app using (${SAME_ORG}) with check (${SAME_ORG})`,
      );
      // Forced, but only a SELECT policy: INSERT/UPDATE/DELETE have no tenant rule at all.
      await tx.unsafe(`create table public.leaky_select_only (organization_id text not null, id int)`);
      await tx.unsafe(`alter table public.leaky_select_only enable row level security, force row level security`);
      await tx.unsafe(`create policy s on public.leaky_select_only for select to brave_app using (${SAME_ORG})`);
      return findRlsViolations(tx);
    });

    expect(found).toEqual(
      expect.arrayContaining([
        'tenant table leaky: row level security is not enabled',
        'tenant table leaky: row level security is not forced (the owner bypasses it)',
        'tenant table leaky: no permissive SELECT policy applying to brave_app',
        'tenant table leaky: no permissive INSERT policy applying to brave_app',
        "tenant table leaky: no CHECK constraint forbidding organization_id = ''",
        'tenant table leaky_unforced: row level security is not forced (the owner bypasses it)',
        'tenant table leaky_select_only: no permissive INSERT policy applying to brave_app',
        'tenant table leaky_select_only: no permissive UPDATE policy applying to brave_app',
        'tenant table leaky_select_only: no permissive DELETE policy applying to brave_app',
      ]),
    );
    expect(found.some((f) => f.startsWith('tenant table leaky_unforced: row level security is not enabled'))).toBe(
      false,
    );
    expect(found.some((f) => f.includes('leaky_select_only: no permissive SELECT'))).toBe(false);

    // Rolled back: the real schema is untouched and conformant again.
    expect(await findRlsViolations(owner)).toEqual([]);
  });

  it('reports open policies, bad keys, definer functions, unsafe views and TRUNCATE grants', async () => {
    const owner = testDatabase.sql('owner', { max: 1 });
    const found = await rolledBack(owner, async (tx) => {
      await tx.unsafe(`create table public.wide (organization_id text not null check (organization_id <> ''), id int, code text, parent int,
                         primary key (id), unique (code))`);
      await tx.unsafe(`alter table public.wide enable row level security, force row level security`);
      await tx.unsafe(`create policy sel on public.wide for select to brave_app using (true)`);
      await tx.unsafe(
        `create policy ins on public.wide for insert to brave_app with check ((${SAME_ORG}) or organization_id = 'org_shared')`,
      );
      await tx.unsafe(`create policy upd on public.wide for update to brave_app using (${SAME_ORG})`);
      await tx.unsafe(`create policy del on public.wide for delete to brave_app using ((${SAME_ORG}) or true)`);
      await tx.unsafe(`create unique index wide_code_uq on public.wide (lower(code))`);
      await tx.unsafe(
        `create table public.wide_child (organization_id text not null, id int, wide_id int references public.wide (id))`,
      );
      await tx.unsafe(`create view public.wide_view as select * from public.wide`);
      await tx.unsafe(`create function public.wide_definer() returns int language sql security definer as 'select 1'`);
      await tx.unsafe(`grant truncate on public.projects to brave_app`);
      return findRlsViolations(tx);
    });

    expect(found).toEqual(
      expect.arrayContaining([
        'tenant table wide: SELECT policy sel USING does not compare with app.current_org: true',
        expect.stringMatching(/^tenant table wide: INSERT policy ins WITH CHECK does not pin new rows/),
        expect.stringMatching(/^tenant table wide: DELETE policy del USING is widened with OR/),
        'tenant table wide: primary key wide_pkey (id) does not lead with organization_id',
        'tenant table wide: unique constraint wide_code_key (code) does not lead with organization_id',
        'tenant table wide: unique index wide_code_uq leads with an expression, not organization_id',
        'tenant table wide_child: foreign key wide_child_wide_id_fkey (wide_id) does not lead with organization_id',
        'tenant table wide_child: foreign key wide_child_wide_id_fkey to tenant table wide does not match organization_id to organization_id',
        "view wide_view: no security_invoker=true (it reads with its owner's rights, bypassing RLS)",
        "function wide_definer() is SECURITY DEFINER (runs with its owner's rights, bypassing RLS)",
        'role brave_app may TRUNCATE projects (TRUNCATE ignores RLS)',
      ]),
    );
    // An UPDATE policy without WITH CHECK falls back to its USING, which is fine here.
    expect(found.some((f) => f.includes('UPDATE policy upd'))).toBe(false);
    expect(await findRlsViolations(owner)).toEqual([]);
  });

  it('reports an app role that is BYPASSRLS or owns a table', async () => {
    // Only the superuser can do these; roles are cluster-wide, but an uncommitted change is invisible elsewhere.
    const su = testDatabase.sql('superuser', { max: 1 });
    const found = await rolledBack(su, async (tx) => {
      await tx.unsafe(`alter role brave_app bypassrls`);
      await tx.unsafe(`alter table public.projects owner to brave_public`);
      return findRlsViolations(tx);
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'role brave_app has BYPASSRLS',
        'role brave_public owns or can act as the owner of: table public.projects',
      ]),
    );
    expect(await findRlsViolations(su)).toEqual([]);
  });
});
