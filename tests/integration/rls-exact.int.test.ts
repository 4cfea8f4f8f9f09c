/**
 * Negative controls for the exact policy and grant rules of
 * tests/support/rls-expectations.ts (run by tests/integration/rls-catalog):
 * each planted change — made inside a transaction that is rolled back — must
 * be reported, and nothing else may be.
 */
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { findGrantViolations, findPolicyViolations } from '@/tests/support/rls-expectations';

const SHARED = ['webhook_events', 'public_access_events'];
const ORG = `(select current_setting('app.current_org', true))`;
const USER = `(select current_setting('app.current_user', true))`;

async function all(sql: postgres.Sql | postgres.TransactionSql) {
  return [...(await findPolicyViolations(sql, SHARED)), ...(await findGrantViolations(sql))];
}

/** What the rules report after `plant` ran in a transaction that is then rolled back. */
async function reportedAfter(plant: (tx: postgres.TransactionSql) => Promise<unknown>, role: 'owner' | 'superuser' = 'owner') {
  const sql = testDatabase.sql(role, { max: 1 });
  const marker = new Error('rollback');
  let found: string[] = [];
  await sql
    .begin(async (tx) => {
      await plant(tx);
      found = await all(tx);
      throw marker;
    })
    .catch((e: unknown) => {
      if (e !== marker) throw e;
    });
  return found;
}

describe('exact policies and grants', () => {
  it('the migrated schema matches them exactly', async () => {
    expect(await all(testDatabase.sql('owner'))).toEqual([]);
  });
});

describe('exact policies and grants — negative controls', () => {
  it.each([
    [
      'a tenant policy without the (select …) wrapper',
      `alter policy tenant_select on projects using (organization_id = current_setting('app.current_org', true))`,
      /^policy tenant_select on projects: USING is \(organization_id = current_setting/,
    ],
    [
      'a tenant write policy widened to a second org',
      `alter policy tenant_update on violations using (organization_id = ${ORG} or organization_id = 'org_shared')`,
      /^policy tenant_update on violations: USING is /,
    ],
    [
      'a WITH CHECK loosened',
      `alter policy tenant_insert on inspections with check (organization_id is not null)`,
      /^policy tenant_insert on inspections: WITH CHECK is \(organization_id IS NOT NULL\)/,
    ],
    [
      'an identity extra widened (memberships: any user)',
      `alter policy tenant_select on memberships using (organization_id = ${ORG} or user_id is not null)`,
      /^policy tenant_select on memberships: USING is /,
    ],
    [
      'an identity extra on users widened',
      `alter policy user_select on users using (true)`,
      /^policy user_select on users: USING is true/,
    ],
    [
      'an identity extra on organizations narrowed to the wrong column',
      `alter policy tenant_select on organizations using (organization_id = ${USER})`,
      /^policy tenant_select on organizations: USING is /,
    ],
    [
      'an extra permissive policy next to the reviewed ones',
      `create policy also_mine on photos for select to brave_app using (organization_id = ${ORG})`,
      /^policy also_mine on photos: not a reviewed policy/,
    ],
    [
      'a public page policy no longer checking revocation',
      `alter policy public_select on projects using ((organization_id, id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true))))`,
      /^policy public_select on projects: USING is /,
    ],
    [
      'a public photo policy no longer requiring a published inspection',
      `alter policy public_select on photos using (status = 'stored' and (organization_id, project_id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())))`,
      /^policy public_select on photos: USING is /,
    ],
    [
      'a public document policy admitting every SWPPP version',
      `alter policy public_select on documents using (kind = 'swppp' and (organization_id, project_id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true))))`,
      /^policy public_select on documents: USING is /,
    ],
    [
      'the retention of wrong-token records shortened',
      `alter policy retention_delete on public_access_events using (created_at < now() - interval '1 day')`,
      /^policy retention_delete on public_access_events: USING is /,
    ],
    ['a policy dropped', `drop policy tenant_delete on documents`, /^policy tenant_delete on documents: missing$/],
    [
      'a policy applying to every role',
      `alter policy tenant_select on rain_events to public`,
      /^policy tenant_select on rain_events: applies to PUBLIC, expected brave_app only$/,
    ],
    [
      'an app-readable table with no organization_id and no reviewed policies',
      `create table public.notes (id int); grant select on public.notes to brave_app`,
      /^table notes: an app role can touch it, but it has no reviewed policy set/,
    ],
    [
      'a column-level grant is enough to make a table touchable',
      `create table public.notes2 (id int, body text); grant select (body) on public.notes2 to brave_app`,
      /^table notes2: an app role can touch it/,
    ],
    ['UPDATE on audit_log', `grant update on audit_log to brave_app`, /^role brave_app may UPDATE audit_log \(append-only evidence\)$/],
    [
      'UPDATE on one column of audit_log',
      `grant update (action) on audit_log to brave_app`,
      /^role brave_app may UPDATE audit_log/,
    ],
    [
      // DELETE is granted for an organization's deletion only while the guard trigger sits on the table (drizzle/0036).
      'DELETE on security_events without its deletion guard',
      `alter table security_events disable trigger evidence_delete_guard`,
      /^role brave_app may DELETE security_events \(append-only evidence\)$/,
    ],
    [
      'INSERT on audit_log revoked (every write must be audited)',
      `revoke insert on audit_log from brave_app`,
      /^role brave_app lacks INSERT on audit_log$/,
    ],
  ])('reports %s', async (_what, ddl, expected) => {
    const found = await reportedAfter((tx) => tx.unsafe(ddl));
    expect(found).toEqual([expect.stringMatching(expected)]);
  });

  it('reports a RESTRICTIVE policy where a permissive one is reviewed', async () => {
    const found = await reportedAfter(async (tx) => {
      await tx.unsafe(`drop policy tenant_select on bmp_categories`);
      await tx.unsafe(`create policy tenant_select on bmp_categories as restrictive for select to brave_app using (organization_id = ${ORG})`);
    });
    expect(found).toEqual(['policy tenant_select on bmp_categories: RESTRICTIVE, expected PERMISSIVE']);
  });

  it('is back to conformant after the rollbacks', async () => {
    expect(await all(testDatabase.sql('owner'))).toEqual([]);
  });
});
