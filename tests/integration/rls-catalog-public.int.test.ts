/**
 * Negative controls of the brave_public catalog rules (rls-catalog-public.ts):
 * each planted defect, inside a rolled-back transaction, is reported; the
 * migrated schema itself is clean (rls-catalog.int.test.ts checks that too).
 */
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { findPublicRoleViolations, PUBLIC_GRANTS } from './rls-catalog-public';

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

describe('brave_public catalog rules', () => {
  it('the migrated schema grants brave_public exactly PUBLIC_GRANTS, through token-keyed SELECT policies', async () => {
    expect(await findPublicRoleViolations(testDatabase.sql('owner'))).toEqual([]);
    expect(Object.keys(PUBLIC_GRANTS)).not.toContain('users');
    expect(Object.keys(PUBLIC_GRANTS)).not.toContain('audit_log');
  });

  it('reports an extra column, an extra table, a stale entry, a tenant-keyed or writing policy, a callable function and a schema', async () => {
    const owner = testDatabase.sql('owner', { max: 1 });
    const found = await rolledBack(owner, async (tx) => {
      await tx.unsafe(`grant select (created_by) on public.projects to brave_public`);
      await tx.unsafe(`grant select on public.audit_log to brave_public`);
      await tx.unsafe(`revoke select (swppp_location) on public.projects from brave_public`);
      await tx.unsafe(`grant select (uploaded_by, latitude) on public.photos to brave_public`);
      await tx.unsafe(`revoke select (time_zone) on public.projects from brave_public`);
      await tx.unsafe(
        `create policy org_keyed on public.rain_events for select to brave_public using (organization_id = (select current_setting('app.current_org', true)))`,
      );
      await tx.unsafe(
        `create policy mixed on public.inspections for select to brave_public using (current_setting('app.inspector_token', true) is not null and organization_id = current_setting('app.current_org', true))`,
      );
      await tx.unsafe(`create table public.open_board (id int)`);
      await tx.unsafe(`grant select on public.open_board to brave_public`);
      await tx.unsafe(`create function public.helper() returns int language sql as 'select 1'`);
      await tx.unsafe(`create schema side`);
      await tx.unsafe(`grant usage on schema side to brave_public`);
      return findPublicRoleViolations(tx);
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'role brave_public may read projects.created_by, which is not in PUBLIC_GRANTS',
        'role brave_public may read table audit_log, which is not in PUBLIC_GRANTS',
        "PUBLIC_GRANTS lists projects.swppp_location but brave_public can't read it (stale list)",
        'role brave_public may read photos.uploaded_by, which is not in PUBLIC_GRANTS',
        'role brave_public may read photos.latitude, which is not in PUBLIC_GRANTS',
        "PUBLIC_GRANTS lists projects.time_zone but brave_public can't read it (stale list)",
        expect.stringMatching(
          /^policy org_keyed on rain_events applying to brave_public is not keyed by app.inspector_token/,
        ),
        expect.stringMatching(/^policy mixed on inspections applying to brave_public reads an org\/user setting/),
        'role brave_public may read table open_board, which is not in PUBLIC_GRANTS',
        'table open_board is readable by brave_public without forced row level security',
        'table open_board is readable by brave_public but has no SELECT policy for it',
        'role brave_public may call function helper()',
        'role brave_public may use schema side',
      ]),
    );
    expect(await findPublicRoleViolations(owner)).toEqual([]);
  });

  it('reports a policy for brave_public that is not SELECT-only', async () => {
    const owner = testDatabase.sql('owner', { max: 1 });
    const found = await rolledBack(owner, async (tx) => {
      await tx.unsafe(
        `create policy writes on public.projects for update to brave_public using ((select current_setting('app.inspector_token', true)) is not null)`,
      );
      return findPublicRoleViolations(tx);
    });
    expect(found).toEqual(['policy writes on projects applying to brave_public is not SELECT-only (cmd w)']);
  });
});
