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
  b = await seedPublicSite('bolt', { publishSwppp: false });
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

describe('published photos and the current SWPPP (drizzle/0016_public_photos_swppp.sql)', () => {
  const keys = (rows: readonly object[]) => rows.map((r) => (r as { storage_key: string }).storage_key).sort();

  it('A’s link shows the stored photo of its published inspection, and nothing else of A or B', async () => {
    const all = [a.shownPhoto.storageKey, ...a.hiddenPhotoKeys, b.shownPhoto.storageKey, ...b.hiddenPhotoKeys];
    const r = await asPublic(a.tokens.live, async (tx) => ({
      all: await tx`select storage_key from photos`,
      byKey: await tx`select storage_key from photos where storage_key in ${tx(all)}`,
    }));
    expect(keys(r.all)).toEqual([a.shownPhoto.storageKey]);
    expect(keys(r.byKey)).toEqual([a.shownPhoto.storageKey]);
  });

  it('the SWPPP: only the version the project publishes, never v1, the permit, or another project’s', async () => {
    const r = await asPublic(a.tokens.live, (tx) => tx`select storage_key, version from documents`);
    expect(r).toEqual([{ storage_key: a.swppp.v2Key, version: 2 }]);
    // B publishes no SWPPP: nothing, although B's project has two stored versions.
    expect(await asPublic(b.tokens.live, (tx) => tx`select storage_key from documents`)).toEqual([]);
    // The sibling project publishes its own SWPPP: its link sees that one, never A's.
    expect(keys((await asPublic(a.tokens.otherProject, (tx) => tx`select storage_key from documents`)))).toEqual([
      a.swppp.otherDocKeys[1],
    ]);
  });

  it('revoked and expired links read no photo and no document', async () => {
    for (const token of [a.tokens.revoked, a.tokens.expired]) {
      const r = await asPublic(token, async (tx) => [...(await tx`select storage_key from photos`), ...(await tx`select storage_key from documents`)]);
      expect(r).toEqual([]);
    }
  });

  it.each([
    ['who uploaded a photo', `select uploaded_by from photos`],
    ['a photo’s location', `select latitude, longitude from photos`],
    ['a photo’s file name', `select file_name from photos`],
    ['a photo’s id', `select id from photos`],
    ['who uploaded a document', `select uploaded_by from documents`],
  ])('%s is refused (column not granted)', async (_what, statement) => {
    await expect(asPublic(a.tokens.live, (tx) => tx.unsafe(statement))).rejects.toThrow(/permission denied/);
  });

  it('loadPublicSite returns the photo and v2, with the site’s own time zone', async () => {
    const db = createDatabase(testDatabase.urls.public, { max: 1 });
    try {
      const hashA = hashToken(a.tokens.live);
      const site = await withInspectorLinkOn(db, hashA, async (tx) => {
        const link = await findLinkByHash(tx, hashA);
        return link ? loadPublicSite(tx, link) : undefined;
      });
      expect(site?.photos.map((p) => p.storageKey)).toEqual([a.shownPhoto.storageKey]);
      expect(site?.photos[0]?.thumbnailKey).toBe(a.shownPhoto.thumbnailKey);
      expect(site?.swppp?.storageKey).toBe(a.swppp.v2Key);
      expect(site?.timeZone).toBe('America/Denver');
      expect(site?.project).not.toHaveProperty('publicSwpppDocumentId');
    } finally {
      await db.$pool.end({ timeout: 1 });
    }
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
  /** Plant `ddl` as the owner of everything, then read as brave_public with A's link; all rolled back. */
  async function withPlanted(ddl: string, read: (tx: postgres.TransactionSql) => PromiseLike<readonly unknown[]>): Promise<number> {
    const su = testDatabase.sql('superuser', { max: 1 });
    const marker = new Error('rollback');
    let seen = -1;
    await su
      .begin(async (tx) => {
        await tx.unsafe(ddl);
        await tx.unsafe(`set local role brave_public`);
        await tx`select public.open_inspector_link(${hashToken(a.tokens.live)})`;
        seen = (await read(tx)).length;
        throw marker;
      })
      .catch((e: unknown) => {
        if (e !== marker) throw e;
      });
    return seen;
  }

  it('a planted over-broad photo policy exposes the draft’s and B’s photos to the same query', async () => {
    const hidden = [...a.hiddenPhotoKeys, b.shownPhoto.storageKey];
    expect(
      await withPlanted(`create policy planted_photos on public.photos for select to brave_public using (true)`, (tx) =>
        tx`select storage_key from photos where storage_key in ${tx(hidden)}`,
      ),
    ).toBe(hidden.length);
  });

  it('the violations policy without its status rule exposes the unreviewed and dismissed findings', async () => {
    const oldRule = `(organization_id, project_id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())) and exists (select 1 from inspections i where i.organization_id = violations.organization_id and i.id = violations.inspection_id)`;
    expect(
      await withPlanted(`alter policy public_select on public.violations using (${oldRule})`, (tx) =>
        tx`select id from violations where status in ('reported', 'dismissed')`,
      ),
    ).toBe(2);
  });

  it('a planted policy admitting every SWPPP version exposes v1 to the same query', async () => {
    expect(
      await withPlanted(`create policy planted_docs on public.documents for select to brave_public using (kind = 'swppp')`, (tx) =>
        tx`select storage_key from documents where storage_key = ${a.swppp.v1Key}`,
      ),
    ).toBe(1);
  });

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
