/**
 * Every change a Clerk webhook makes is audited in the same transaction —
 * provisioning, renames, deactivation, memberships (old and new role), user
 * changes in each of the user's organizations — with the webhook and its svix
 * id as the actor, and shows on /audit. A validly signed event that lacks a
 * field we read is a 422 with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, organizations, users, webhookEvents } from '@/db/schema';
import { permissionsOf } from '@/lib/rbac/permissions';
import { evt, membership, org, signed, user, WEBHOOK_SECRET } from '@/tests/support/clerk-webhooks';
import { testDatabase } from '@/tests/support/database';

process.env.CLERK_WEBHOOK_SIGNING_SECRET = WEBHOOK_SECRET;

let POST: (req: NextRequest) => Promise<Response>;
let tenant: typeof import('@/db/tenant');
let loadAuditPage: typeof import('@/app/(app)/audit/load-audit-page').loadAuditPage;
let db: ReturnType<typeof testDatabase.app>;

beforeAll(async () => {
  vi.resetModules(); // lib/env must see the signing secret set above
  ({ POST } = await import('./route'));
  tenant = await import('@/db/tenant');
  ({ loadAuditPage } = await import('@/app/(app)/audit/load-audit-page'));
  db = testDatabase.app({ max: 2 });
});

const msgId = () => `msg_${randomUUID().replace(/-/g, '')}`;

async function deliver(event: object, id = msgId()) {
  const res = await POST(signed(event, { id }));
  return { id, status: res.status, body: (await res.json()) as { outcome?: string; fields?: string[] } };
}

const auditOf = (orgId: string) =>
  tenant.withTenantOn(db, { orgId, userId: 'test' }, (tx) =>
    tx.select().from(auditLog).where(eq(auditLog.organizationId, orgId)).orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
  );

const pick = (rows: Awaited<ReturnType<typeof auditOf>>) =>
  rows.map((r) => ({ actor: r.actorUserId, action: r.action, entity: `${r.entityType}:${r.entityId}`, before: r.before, after: r.after }));

describe('organization events', () => {
  it('created → provision; renamed → update (old and new name); deleted → deactivate', async () => {
    const orgId = `org_wha_${randomUUID().slice(0, 8)}`;
    const created = await deliver(evt('organization.created', org(orgId, 'Audit Co', 1000)));
    const renamed = await deliver(evt('organization.updated', org(orgId, 'Audit Renamed', 2000)));
    const same = await deliver(evt('organization.updated', org(orgId, 'Audit Renamed', 3000)));
    const gone = await deliver(evt('organization.deleted', { object: 'organization', id: orgId, deleted: true }));
    expect([created, renamed, same, gone].map((d) => d.body.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);

    const rows = pick(await auditOf(orgId));
    expect(rows).toEqual([
      {
        actor: `clerk_webhook:${created.id}`,
        action: 'provision',
        entity: `organization:${orgId}`,
        before: null,
        after: expect.objectContaining({ name: 'Audit Co', slug: 'audit-co', plan: 'trial', bmpCategories: 3 }),
      },
      {
        actor: `clerk_webhook:${renamed.id}`,
        action: 'update',
        entity: `organization:${orgId}`,
        before: { name: 'Audit Co', slug: 'audit-co' },
        after: { name: 'Audit Renamed', slug: 'audit-renamed' },
      },
      // `same` changed nothing: no entry.
      {
        actor: `clerk_webhook:${gone.id}`,
        action: 'deactivate',
        entity: `organization:${orgId}`,
        before: { active: true, deactivatedAt: null },
        after: { active: false, deactivatedAt: expect.any(String) },
      },
    ]);
  });

  it('a redelivery writes no second entry', async () => {
    const orgId = `org_wha_${randomUUID().slice(0, 8)}`;
    const e = evt('organization.created', org(orgId, 'Twice Co', 1000));
    const first = await deliver(e);
    expect((await deliver(e, first.id)).body.outcome).toBe('duplicate');
    expect((await auditOf(orgId)).length).toBe(1);
  });
});

describe('membership events', () => {
  it('created, role changed (old and new role), removed', async () => {
    const orgId = `org_whm_${randomUUID().slice(0, 8)}`;
    const userId = `user_whm_${randomUUID().slice(0, 8)}`;
    const added = await deliver(evt('organizationMembership.created', membership(orgId, userId, 'org:inspector', 1000)));
    const promoted = await deliver(evt('organizationMembership.updated', membership(orgId, userId, 'org:superintendent', 2000)));
    const removed = await deliver(evt('organizationMembership.deleted', membership(orgId, userId, 'org:superintendent', 3000)));
    const rows = pick(await auditOf(orgId));
    // Entries of one transaction share its timestamp: compare without their order.
    expect(rows.map((r) => [r.action, r.entity, r.actor])).toHaveLength(4);
    expect(rows.map((r) => [r.action, r.entity, r.actor])).toEqual(
      expect.arrayContaining([
        ['provision', `organization:${orgId}`, `clerk_webhook:${added.id}`], // the membership arrived first
        ['create', `membership:${userId}`, `clerk_webhook:${added.id}`],
        ['update', `membership:${userId}`, `clerk_webhook:${promoted.id}`],
        ['delete', `membership:${userId}`, `clerk_webhook:${removed.id}`],
      ]),
    );
    const of = (action: string) => rows.find((r) => r.action === action && r.entity === `membership:${userId}`);
    expect(of('create')!.after).toEqual({ userId, role: 'inspector', clerkRole: 'org:inspector' });
    expect(of('update')).toMatchObject({ before: { role: 'inspector' }, after: { role: 'superintendent' } });
    expect(of('delete')).toMatchObject({ before: { userId, role: 'superintendent' }, after: null });
  });
});

describe('user events', () => {
  it('a user change is audited in each of the user’s organizations, and nowhere else', async () => {
    const [o1, o2, o3] = [1, 2, 3].map((n) => `org_whu${n}_${randomUUID().slice(0, 8)}`);
    const userId = `user_whu_${randomUUID().slice(0, 8)}`;
    await deliver(evt('user.created', user(userId, 'uma@example.test', 1000)));
    await deliver(evt('organizationMembership.created', membership(o1!, userId, 'org:crew', 1000)));
    await deliver(evt('organizationMembership.created', membership(o2!, userId, 'org:viewer', 1000)));
    await deliver(evt('organization.created', org(o3!, 'Bystander Co', 1000)));
    const changed = await deliver(evt('user.updated', user(userId, 'uma.new@example.test', 2000)));
    expect(changed.body.outcome).toBe('applied');

    for (const orgId of [o1!, o2!]) {
      const entry = pick(await auditOf(orgId)).find((r) => r.entity === `user:${userId}`);
      expect(entry, orgId).toEqual({
        actor: `clerk_webhook:${changed.id}`,
        action: 'update',
        entity: `user:${userId}`,
        before: { email: 'uma@example.test' },
        after: { email: 'uma.new@example.test' },
      });
    }
    expect(pick(await auditOf(o3!)).filter((r) => r.entity.startsWith('user:'))).toEqual([]);

    const gone = await deliver(evt('user.deleted', { object: 'user', id: userId, deleted: true }));
    for (const orgId of [o1!, o2!]) {
      const rows = pick(await auditOf(orgId)).filter((r) => r.action === 'delete' && r.entity === `user:${userId}`);
      expect(rows, orgId).toEqual([expect.objectContaining({ actor: `clerk_webhook:${gone.id}`, after: null })]);
    }
  });

  it('the identity transaction ends with no tenant set (the org switch is scoped to the audit write)', async () => {
    const orgId = `org_whs_${randomUUID().slice(0, 8)}`;
    const userId = `user_whs_${randomUUID().slice(0, 8)}`;
    await deliver(evt('organizationMembership.created', membership(orgId, userId, 'org:crew', 1000)));
    const seen = await tenant.withIdentityOn(db, userId, async (tx) => {
      const inside = await tenant.asTenantWithin(tx, orgId, () =>
        tx.execute<{ org: string | null }>(sql`select current_setting('app.current_org', true) as org`),
      );
      const after = await tx.execute<{ org: string | null }>(sql`select current_setting('app.current_org', true) as org`);
      return [inside[0]?.org, after[0]?.org ?? ''];
    });
    expect(seen).toEqual([orgId, '']);
  });
});

describe('visible on /audit', () => {
  it('the owner sees the webhook, its event id and the old and new role', async () => {
    const orgId = `org_whv_${randomUUID().slice(0, 8)}`;
    const owner = `user_whv_${randomUUID().slice(0, 8)}`;
    await deliver(evt('organizationMembership.created', membership(orgId, owner, 'org:owner', 1000)));
    const promoted = await deliver(evt('organizationMembership.created', membership(orgId, 'user_whv_x', 'org:crew', 1000)));
    await deliver(evt('organizationMembership.updated', membership(orgId, 'user_whv_x', 'org:admin', 2000)));
    const page = await loadAuditPage(
      { orgId, orgSlug: null, userId: owner, role: 'owner', permissions: permissionsOf('owner') },
      {},
    );
    if (page.kind !== 'ok') throw new Error(page.kind);
    const update = page.entries.find((e) => e.action === 'update' && e.entityType === 'membership');
    expect(update?.actorName).toMatch(/^Clerk webhook \(msg_/);
    expect(update?.lines).toEqual(expect.arrayContaining([{ field: 'Role', from: 'crew', to: 'admin' }]));
    expect(page.entries.find((e) => e.action === 'create' && e.entityId === 'user_whv_x')?.actorName).toBe(
      `Clerk webhook (${promoted.id})`,
    );
  });
});

describe('a validly signed event with missing fields: 422, nothing written', () => {
  const orgId = () => `org_whx_${randomUUID().slice(0, 8)}`;
  const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  const cases: [string, (id: string) => object][] = [
    ['organization.created without name', (id) => evt('organization.created', without(org(id, 'X Co', 1000), 'name'))],
    ['organization.created without updated_at', (id) => evt('organization.created', without(org(id, 'X Co', 1000), 'updated_at'))],
    ['organization.created with a string updated_at', (id) => evt('organization.created', { ...org(id, 'X Co', 1000), updated_at: 'soon' })],
    ['organization.updated without slug', (id) => evt('organization.updated', without(org(id, 'X Co', 1000), 'slug'))],
    ['organization.created with an id the door refuses', (id) => evt('organization.created', org(`${id}'; drop`, 'X Co', 1000))],
    ['organization.deleted without id', () => evt('organization.deleted', { object: 'organization', deleted: true })],
    ['membership without organization', (id) => evt('organizationMembership.created', without(membership(id, 'user_whx', 'org:crew', 1), 'organization'))],
    [
      'membership without user id',
      (id) => evt('organizationMembership.updated', { ...membership(id, 'user_whx', 'org:crew', 1), public_user_data: { identifier: 'x@y.z' } }),
    ],
    ['membership without role', (id) => evt('organizationMembership.created', without(membership(id, 'user_whx', 'org:crew', 1), 'role'))],
    ['membership deleted without organization', (id) => evt('organizationMembership.deleted', without(membership(id, 'user_whx', 'org:crew', 1), 'organization'))],
    ['user.updated without email_addresses', () => evt('user.updated', without(user('user_whx_u', 'a@b.c', 1), 'email_addresses'))],
    ['user.created with data null', () => evt('user.created', null as unknown as object)],
    ['user.deleted without id', () => evt('user.deleted', { object: 'user', deleted: true })],
  ];

  it.each(cases)('%s', async (_label, make) => {
    const id = orgId();
    const r = await deliver(make(id));
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.fields?.length).toBeGreaterThan(0);
    const recorded = await tenant.withIdentityOn(db, 'user_whx', (tx) => tx.select().from(webhookEvents).where(eq(webhookEvents.id, r.id)));
    expect(recorded).toEqual([]);
    const state = await tenant.withTenantOn(db, { orgId: id, userId: 'user_whx' }, async (tx) => ({
      org: await tx.select().from(organizations).where(eq(organizations.organizationId, id)),
      audit: await tx.select().from(auditLog).where(eq(auditLog.organizationId, id)),
    }));
    expect(state).toEqual({ org: [], audit: [] });
    const u = await tenant.withIdentityOn(db, 'user_whx_u', (tx) => tx.select().from(users).where(eq(users.id, 'user_whx_u')));
    expect(u).toEqual([]);
  });

  // Negative control: the same deliveries with their fields are applied (the 422 above is about the fields).
  it('complete events are applied', async () => {
    const id = orgId();
    expect((await deliver(evt('organization.created', org(id, 'X Co', 1000)))).status).toBe(200);
    expect((await deliver(evt('organizationMembership.created', membership(id, 'user_whx', 'org:crew', 1)))).body.outcome).toBe('applied');
    expect((await deliver(evt('user.updated', user('user_whx_ok', 'a@b.c', 1)))).body.outcome).toBe('applied');
  });
});
