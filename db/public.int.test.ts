/**
 * The public door at the SQL level: what brave_public can read with and
 * without an opened link, and that only the policies stand between it and
 * unpublished rows (negative control: one planted permissive policy leaks).
 */
import type postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/inspect/token';
import { testDatabase } from '@/tests/support/database';
import { seedPublicSite, type PublicSiteFixture } from '@/tests/support/public-site';
import { PUBLIC_GRANTS } from '@/tests/integration/rls-catalog-public';
import { createDatabase } from './client';
import { withInspectorLinkOn } from './public';
import { findLinkByHash, loadPublicSite } from './queries/public-page';

let a: PublicSiteFixture;
let b: PublicSiteFixture;
let pub: postgres.Sql;
beforeAll(async () => {
  a = await seedPublicSite('acme');
  b = await seedPublicSite('bolt');
  pub = testDatabase.sql('public', { max: 1 });
});

/** Run statements as brave_public in one transaction with the link of `token` opened (or none). */
async function asPublic<T>(token: string | null, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await pub.begin(async (tx) => {
    if (token) await tx`select public.open_inspector_link(${hashToken(token)})`;
    return fn(tx);
  })) as T;
}

const readable = Object.keys(PUBLIC_GRANTS);

describe('brave_public without an opened link', () => {
  it.each(readable)('%s: 0 rows', async (table) => {
    const rows = await asPublic(null, (tx) =>
      tx.unsafe(`select ${PUBLIC_GRANTS[table]!.join(', ')} from public.${table}`),
    );
    expect(rows).toHaveLength(0);
  });
});

describe('brave_public with org A’s live link opened', () => {
  it('sees A’s project and only its published inspections; never B’s rows', async () => {
    const r = await asPublic(a.tokens.live, async (tx) => ({
      projects: await tx`select organization_id, id from projects`,
      inspections: await tx`select id, status from inspections`,
      violations: await tx`select description from violations`,
      actions: await tx`select description from corrective_actions`,
      orgs: await tx`select organization_id from organizations`,
    }));
    expect(r.projects).toEqual([{ organization_id: a.orgId, id: a.projectId }]);
    expect(r.inspections).toEqual([{ id: a.publishedId, status: 'published' }]);
    expect(r.violations.map((v) => v.description)).toEqual(['acme fence down at outfall']);
    expect(r.actions.map((x) => x.description).sort()).toEqual(['acme re-trench fence', 'acme replace inlet filter']);
    expect(r.orgs).toEqual([{ organization_id: a.orgId }]);
  });

  it('an unpublished row is invisible even by its id, and B’s rows by theirs', async () => {
    const r = await asPublic(a.tokens.live, async (tx) => ({
      draft: await tx`select id from inspections where organization_id = ${a.orgId} and id = ${a.draftId}`,
      other: await tx`select id from inspections where organization_id = ${b.orgId} and id = ${b.publishedId}`,
      otherProject: await tx`select id from projects where id = ${b.projectId} or id = ${a.otherProjectId}`,
    }));
    expect(r).toEqual({ draft: [], other: [], otherProject: [] });
  });

  it('revoked and expired links open nothing', async () => {
    for (const token of [a.tokens.revoked, a.tokens.expired]) {
      const r = await asPublic(token, async (tx) => [
        ...(await tx`select id from projects`),
        ...(await tx`select id from inspections`),
        ...(await tx`select organization_id from organizations`),
      ]);
      expect(r).toEqual([]);
    }
  });

  it.each([
    ['a column outside the grant', `select created_by from projects`],
    ['a hidden inspection column', `select inspector_user_id from inspections`],
    ['another table', `select * from memberships`],
    ['the users table', `select * from users`],
    ['the audit log', `select * from audit_log`],
    ['rain events', `select * from rain_events`],
    ['views of links', `select * from inspector_link_views`],
    ['an insert', `insert into public_access_events (kind, ip_hash) values ('x', 'y')`],
    ['an update', `update projects set name = 'x'`],
    ['a delete', `delete from inspections`],
  ])('%s is refused (permission denied)', async (_what, statement) => {
    await expect(asPublic(a.tokens.live, (tx) => tx.unsafe(statement))).rejects.toThrow(/permission denied/);
  });

  it('open_inspector_link takes a SHA-256 hex digest only (an org id or a raw token is refused)', async () => {
    for (const value of [a.orgId, a.tokens.live, '', hashToken('x').toUpperCase()]) {
      await expect(pub`select public.open_inspector_link(${value})`).rejects.toThrow(/SHA-256 hex digest/);
    }
  });

  it('the setting is transaction-local: the next transaction on the same connection sees nothing', async () => {
    await asPublic(a.tokens.live, async (tx) => expect(await tx`select id from projects`).toHaveLength(1));
    expect(await asPublic(null, (tx) => tx`select id from projects`)).toHaveLength(0);
  });
});

describe('the page’s own queries (db/queries/public-page.ts) through withInspectorLink', () => {
  it('load A’s site with A’s hash; with B’s hash the same ids of A come back empty', async () => {
    const db = createDatabase(testDatabase.urls.public, { max: 1 });
    try {
      const hashA = hashToken(a.tokens.live);
      const mine = await withInspectorLinkOn(db, hashA, async (tx) => {
        const link = await findLinkByHash(tx, hashA);
        return link ? loadPublicSite(tx, link) : undefined;
      });
      expect(mine?.inspections.map((i) => i.id)).toEqual([a.publishedId]);
      // B's link open, A's org/project ids asked for explicitly: RLS answers nothing.
      const crossed = await withInspectorLinkOn(db, hashToken(b.tokens.live), (tx) =>
        loadPublicSite(tx, { organizationId: a.orgId, projectId: a.projectId }),
      );
      expect(crossed).toBeUndefined();
    } finally {
      await db.$pool.end({ timeout: 1 });
    }
  });
});

describe('negative control: the policies are what hides unpublished rows', () => {
  it('a planted permissive policy for brave_public exposes the draft, and this suite’s query sees it', async () => {
    const su = testDatabase.sql('superuser', { max: 1 });
    const marker = new Error('rollback');
    let seen = 0;
    await su
      .begin(async (tx) => {
        await tx.unsafe(`create policy planted_leak on public.inspections for select to brave_public using (true)`);
        await tx.unsafe(`set local role brave_public`);
        await tx`select public.open_inspector_link(${hashToken(a.tokens.live)})`;
        seen = (await tx`select id from inspections where id = ${a.draftId}`).length;
        throw marker;
      })
      .catch((e: unknown) => {
        if (e !== marker) throw e;
      });
    expect(seen).toBe(1);
  });
});
