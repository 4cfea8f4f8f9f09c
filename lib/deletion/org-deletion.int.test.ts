/**
 * Organization deletion (docs/deletion.md), through the real actions and the real job, with
 * Redis (the Upstash bridge over redis-server) holding the cache and rate-limit keys and the
 * embedded S3 holding objects. The oracle is independent of the code under test: a superuser
 * walk of pg_catalog (every table with organization_id) and a raw S3 listing and Redis SCAN.
 */
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inspections, organizations } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { testDatabase } from '@/tests/support/database';
import { addMember, createUser, seedTenant, type TenantGraph } from '@/tests/support/factories';
import { startTestRedis } from '@/tests/support/redis';
import { plantObject } from '@/tests/support/storage';

const redis = await startTestRedis();
// Before the app's modules load: lib/env reads these once (the setup file already loaded one, hence resetModules).
process.env.UPSTASH_REDIS_REST_URL = redis.bridge.url;
process.env.UPSTASH_REDIS_REST_TOKEN = redis.bridge.token;
process.env.RATE_LIMITS = 'on';
// The app's 150 ms per call is for requests; on a machine running the whole suite it drops writes this test counts on.
process.env.CACHE_TIMEOUT_MS = '3000';
vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.7', 'user-agent': 'vitest' }) }));
vi.resetModules();

const { actAs } = await import('@/tests/support/auth-mock');
const { requestDeletionAction } = await import('@/app/(app)/settings/delete/actions/request-deletion');
const { cancelDeletionAction } = await import('@/app/(app)/settings/delete/actions/cancel-deletion');
const { updateOrganizationProfileAction } = await import('@/app/(app)/settings/actions/update-organization-profile');
const { STEP_UP_MESSAGE } = await import('@/lib/actions/tenant-action');
const { runOrganizationDeletion } = await import('./run-deletion');
const { tenantCache } = await import('@/lib/cache');
const { enforceTenantLimits } = await import('@/lib/ratelimit/tenant-limits');
const { organizationStatus, DELETING_MESSAGE } = await import('@/lib/auth/organization-status');
const { storage } = await import('@/lib/storage/client');
const { DELETION_GRACE_DAYS } = await import('./policy');

const su = testDatabase.sql('superuser');
const owner = testDatabase.sql('owner');

/** Rows of `orgId` in every table of public with an organization_id column, read past RLS. */
async function rowsByTable(orgId: string): Promise<Record<string, number>> {
  const tables = await su<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)`;
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [r] = await su<{ n: number }[]>`select count(*)::int as n from ${su(name)} where organization_id = ${orgId}`;
    out[name] = r!.n;
  }
  return out;
}
/** What PostgreSQL said (drizzle wraps it as "Failed query: …" with the server's error as the cause). */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
  );
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function objectKeys(orgId: string): Promise<string[]> {
  const { client, bucket } = storage();
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `tenants/${orgId}/` }));
  return (page.Contents ?? []).map((o) => o.Key!);
}

async function redisKeys(orgId: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, page] = await redis.direct.scan(cursor, 'MATCH', `*${orgId}*`, 'COUNT', 500);
    cursor = next;
    keys.push(...page);
  } while (cursor !== '0');
  return keys.sort();
}

const as = (t: TenantGraph, role: 'owner' | 'admin' = 'owner', stepUp: 'fresh' | 'none' | 'stale' = 'fresh', userId = t.userId) =>
  actAs({ userId, orgId: t.orgId, role, stepUp });
const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};
const nameOf = async (t: TenantGraph) =>
  (await withTenant({ orgId: t.orgId, userId: t.userId }, (tx) => tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.organizationId, t.orgId))))[0]!.name;
const deletionOf = (t: TenantGraph) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => {
    const [o] = await tx
      .select({ requestedAt: organizations.deletionRequestedAt, scheduledFor: organizations.deletionScheduledFor, startedAt: organizations.deletionStartedAt })
      .from(organizations)
      .where(eq(organizations.organizationId, t.orgId));
    return o;
  });
/** The grace period has passed: move the schedule back (what waiting 7 days would do). */
const elapse = (t: TenantGraph) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, (tx) =>
    tx.update(organizations).set({ deletionScheduledFor: new Date(Date.now() - 1000) }).where(eq(organizations.organizationId, t.orgId)),
  );

/** A tenant with one row in every tenant table, a signed inspection, objects, cache values and rate-limit keys. */
async function richTenant(label: string) {
  const t = await seedTenant(label);
  await withTenant({ orgId: t.orgId, userId: t.userId }, (tx) =>
    tx.update(inspections).set({ signedAt: new Date(), signedBy: t.userId }).where(eq(inspections.id, t.keys.inspections)),
  );
  for (const key of [`tenants/${t.orgId}/photos/${randomUUID()}/a.jpg`, `tenants/${t.orgId}/documents/${randomUUID()}/b.pdf`, `tenants/${t.orgId}/exports/${randomUUID()}/c.zip`]) {
    await plantObject(key, new Uint8Array([1, 2, 3]), 'application/octet-stream', t.orgId);
  }
  const ctx = { orgId: t.orgId, orgSlug: null, userId: t.userId, role: 'owner' as const, permissions: [] };
  await tenantCache(ctx).set('dashboard', { n: 1 }, 600);
  await enforceTenantLimits(ctx, 'trial', { write: true, permission: 'org:settings:manage', endpoint: 'test' });
  return t;
}

let a: TenantGraph;
let b: TenantGraph;
let bBefore: Record<string, number>;
let bObjects: string[];
let bRedis: string[];
const soloUser = `user_del_solo_${randomUUID().slice(0, 8)}`;
const sharedUser = `user_del_shared_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  a = await richTenant('del_a');
  b = await richTenant('del_b');
  await createUser(soloUser, a.orgId);
  await addMember(a.orgId, soloUser, 'crew');
  await createUser(sharedUser, a.orgId);
  await addMember(a.orgId, sharedUser, 'crew');
  await addMember(b.orgId, sharedUser, 'crew');
  bBefore = await rowsByTable(b.orgId);
  bObjects = await objectKeys(b.orgId);
  bRedis = await redisKeys(b.orgId);
});
afterAll(() => redis.close());

describe('requesting a deletion', () => {
  it('is refused to an admin (owners only) and writes nothing', async () => {
    as(a, 'admin');
    const r = await requestDeletionAction(null, form({ confirmName: await nameOf(a) }));
    expect(r).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    expect((await deletionOf(a))?.requestedAt).toBeNull();
  });

  it('is refused without a recent second factor, and the same call passes the check with one', async () => {
    for (const stepUp of ['none', 'stale'] as const) {
      as(a, 'owner', stepUp);
      expect(await requestDeletionAction(null, form({ confirmName: await nameOf(a) }))).toEqual({ ok: false, formError: STEP_UP_MESSAGE, stepUp: true });
    }
    expect((await deletionOf(a))?.requestedAt).toBeNull();
  });

  it('is refused when the typed name is not the organization’s, and writes nothing', async () => {
    as(a);
    const r = await requestDeletionAction(null, form({ confirmName: `${await nameOf(a)}x` }));
    expect(r).toMatchObject({ ok: false, formError: expect.stringContaining('does not match') });
    expect((await deletionOf(a))?.requestedAt).toBeNull();
  });

  it('schedules it after the grace period, audited; cancelling within it is audited too, and the job then does nothing', async () => {
    as(a);
    const before = Date.now();
    const r = await requestDeletionAction(null, form({ confirmName: await nameOf(a) }));
    expect(r.ok).toBe(true);
    const d = await deletionOf(a);
    expect(d!.scheduledFor!.getTime()).toBeGreaterThanOrEqual(before + DELETION_GRACE_DAYS * 86_400_000 - 1000);
    // Too early: the job refuses, and so does the database if asked directly.
    expect(await runOrganizationDeletion(a.orgId)).toEqual({ status: 'not_due' });
    expect(
      await failure(
        withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.update(organizations).set({ deletionStartedAt: new Date() }).where(eq(organizations.organizationId, a.orgId))),
      ),
    ).toMatch(/cannot start before its grace period ends/);
    expect(await organizationStatus(a)).toBe('active');

    as(a, 'admin');
    expect(await cancelDeletionAction(null, form({}))).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    as(a);
    expect(await cancelDeletionAction(null, form({}))).toEqual({ ok: true, data: { cancelled: true } });
    expect((await deletionOf(a))?.scheduledFor).toBeNull();
    expect(await runOrganizationDeletion(a.orgId)).toEqual({ status: 'not_requested' });
    const audit = await su<{ action: string }[]>`select action from audit_log where organization_id = ${a.orgId} and entity_type = 'organization' order by chain_seq`;
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['request_deletion', 'cancel_deletion']));
    expect(total(await rowsByTable(a.orgId))).toBeGreaterThan(0);
  });
});

describe('the database guards', () => {
  it('evidence and signed inspections can’t be deleted while the org is not being deleted', async () => {
    const scope = { orgId: a.orgId, userId: a.userId };
    expect(await failure(withTenant(scope, (tx) => tx.execute(sql`delete from audit_log where organization_id = ${a.orgId}`)))).toMatch(/audit_log rows are evidence/);
    expect(await failure(withTenant(scope, (tx) => tx.execute(sql`delete from security_events where organization_id = ${a.orgId}`)))).toMatch(/security_events rows are evidence/);
    expect(await failure(withTenant(scope, (tx) => tx.delete(inspections).where(eq(inspections.id, a.keys.inspections))))).toMatch(/signed inspection .* cannot be deleted/);
  });
});

describe('the deletion job', () => {
  it('interrupted midway: the org stays "deleting", refused for everyone, not cancellable; the next run finishes', async () => {
    as(a);
    expect((await requestDeletionAction(null, form({ confirmName: await nameOf(a) }))).ok).toBe(true);
    await elapse(a);
    let seen = 0;
    await expect(
      runOrganizationDeletion(a.orgId, {
        afterTable: () => {
          if (++seen === 6) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const midway = await rowsByTable(a.orgId);
    expect(Object.values(midway).filter((n) => n === 0).length).toBeGreaterThanOrEqual(6);
    expect(total(midway)).toBeGreaterThan(1);

    expect(await organizationStatus(a)).toBe('deleting');
    // Refused at the door for every member, whatever their role may otherwise do.
    as(a, 'owner');
    expect(await cancelDeletionAction(null, form({}))).toMatchObject({ ok: false, formError: DELETING_MESSAGE });
    as(a, 'admin');
    expect(await updateOrganizationProfileAction(null, form({ name: 'Renamed', operatorName: '', operatorAddress: '', operatorPhone: '', operatorEmail: '' }))).toMatchObject({ ok: false, formError: DELETING_MESSAGE });
    expect(
      await failure(
        withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
          tx.update(organizations).set({ deletionStartedAt: null, deletionRequestedAt: null }).where(eq(organizations.organizationId, a.orgId)),
        ),
      ),
    ).toMatch(/has started: it cannot be cancelled/);

    const done = await runOrganizationDeletion(a.orgId);
    expect(done).toMatchObject({ status: 'deleted' });
    expect(await runOrganizationDeletion(a.orgId)).toEqual({ status: 'already_deleted' });
  });

  it('left nothing of the org: every tenant table, the S3 prefix, the cache and rate-limit keys; a tombstone without the name', async () => {
    const left = await rowsByTable(a.orgId);
    expect(Object.keys(left).length).toBeGreaterThanOrEqual(25);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    expect(await objectKeys(a.orgId)).toEqual([]);
    expect(await redisKeys(a.orgId)).toEqual([]);
    const [tomb] = await su`select * from organization_tombstones where deleted_org_id = ${a.orgId}`;
    expect(tomb).toMatchObject({ deleted_org_id: a.orgId, requested_by: a.userId });
    expect(Object.keys(tomb!).sort()).toEqual(['deleted_at', 'deleted_org_id', 'requested_at', 'requested_by']);
    expect(await organizationStatus(a)).toBe('unknown');
  });

  it('members who belonged only to it lose their identity row; a member of another org keeps theirs', async () => {
    const rows = await su<{ id: string }[]>`select id from users where id in ${su([a.userId, soloUser, sharedUser])}`;
    expect(rows.map((r) => r.id)).toEqual([sharedUser]);
  });

  it('touched no other org: its rows, objects and Redis keys are all still there', async () => {
    expect(await rowsByTable(b.orgId)).toEqual(bBefore);
    expect(total(bBefore)).toBeGreaterThan(25);
    expect(await objectKeys(b.orgId)).toEqual(bObjects);
    expect(bObjects).toHaveLength(3);
    expect(bRedis.length).toBeGreaterThanOrEqual(3);
    expect(await redisKeys(b.orgId)).toEqual(expect.arrayContaining(bRedis.filter((k) => !k.startsWith('rl:'))));
    expect((await redisKeys(b.orgId)).filter((k) => k.startsWith('rl:')).length).toBeGreaterThan(0);
  });
});

describe('the catalog walk covers a table no code knows', () => {
  it('a tenant table created here is emptied; a row left behind (a planted skip) stops the tombstone until a rerun removes it', async () => {
    const c = await richTenant('del_c');
    await owner.unsafe(`
      create table public.del_probe_notes (
        organization_id text not null, id uuid not null default gen_random_uuid(), note text,
        primary key (organization_id, id),
        foreign key (organization_id, id) references public.projects (organization_id, id)
      );
      create policy tenant_select on public.del_probe_notes for select to brave_app using (organization_id = (select current_setting('app.current_org', true)));
      create policy tenant_insert on public.del_probe_notes for insert to brave_app with check (organization_id = (select current_setting('app.current_org', true)));
      create policy tenant_update on public.del_probe_notes for update to brave_app using (organization_id = (select current_setting('app.current_org', true))) with check (organization_id = (select current_setting('app.current_org', true)));
      create policy tenant_delete on public.del_probe_notes for delete to brave_app using (organization_id = (select current_setting('app.current_org', true)));
      call brave_admin.secure_tenant_tables();`);
    const insertNote = () =>
      withTenant({ orgId: c.orgId, userId: c.userId }, (tx) => tx.execute(sql`insert into del_probe_notes (organization_id, id, note) values (${c.orgId}, ${c.keys.projects}, 'n')`));
    await insertNote();
    expect((await rowsByTable(c.orgId)).del_probe_notes).toBe(1);

    as(c);
    expect((await requestDeletionAction(null, form({ confirmName: await nameOf(c) }))).ok).toBe(true);
    await elapse(c);
    // The plant: once the walk is past the new table, a row comes back (as if the walk had skipped it).
    let planted = false;
    await expect(
      runOrganizationDeletion(c.orgId, {
        afterTable: async (table) => {
          if (table === 'projects' && !planted) {
            planted = true;
            await owner.unsafe(`alter table public.del_probe_notes drop constraint del_probe_notes_organization_id_id_fkey`);
            await withTenant({ orgId: c.orgId, userId: c.userId }, (tx) =>
              tx.execute(sql`insert into del_probe_notes (organization_id, note) values (${c.orgId}, 'planted')`),
            );
          }
        },
      }),
    ).rejects.toThrow(/still has rows in del_probe_notes \(1\)/);
    expect(planted).toBe(true);
    expect(await organizationStatus(c)).toBe('deleting');
    expect((await rowsByTable(c.orgId)).organizations).toBe(1);

    expect(await runOrganizationDeletion(c.orgId)).toMatchObject({ status: 'deleted' });
    expect(Object.entries(await rowsByTable(c.orgId)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await rowsByTable(b.orgId)).toEqual({ ...bBefore, del_probe_notes: 0 });
  });
});
