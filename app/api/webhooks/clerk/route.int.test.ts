/**
 * POST /api/webhooks/clerk with svix-signed payloads (signed by the `svix`
 * package, verified by Clerk's verifyWebhook), against the real database.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bmpCategories, memberships, organizations, users } from '@/db/schema';
import { evt, membership, org, signed, user, WEBHOOK_SECRET } from '@/tests/support/clerk-webhooks';
import { testDatabase } from '@/tests/support/database';

process.env.CLERK_WEBHOOK_SIGNING_SECRET = WEBHOOK_SECRET;

let POST: (req: NextRequest) => Promise<Response>;
let withTenantOn: typeof import('@/db/tenant').withTenantOn;
let withIdentityOn: typeof import('@/db/tenant').withIdentityOn;
let db: ReturnType<typeof testDatabase.app>;

beforeAll(async () => {
  vi.resetModules(); // lib/env must see the signing secret set above
  ({ POST } = await import('./route'));
  ({ withTenantOn, withIdentityOn } = await import('@/db/tenant'));
  db = testDatabase.app({ max: 2 });
});

async function post(req: NextRequest) {
  const res = await POST(req);
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}
const readOrg = (orgId: string) =>
  withTenantOn(db, { orgId, userId: 'test' }, async (tx) => {
    const [row] = await tx.select().from(organizations).where(eq(organizations.organizationId, orgId));
    const [bmp] = await tx.select({ n: count() }).from(bmpCategories).where(eq(bmpCategories.organizationId, orgId));
    const members = await tx.select().from(memberships).where(eq(memberships.organizationId, orgId));
    return { org: row, bmp: bmp?.n ?? 0, members };
  });

describe('signature', () => {
  it('valid: organization.created is applied and the tenant provisioned', async () => {
    const r = await post(signed(evt('organization.created', org('org_wh_valid', 'Valid Co', 1000))));
    expect(r).toEqual({ status: 200, body: { ok: true, outcome: 'applied' } });
    const s = await readOrg('org_wh_valid');
    expect(s.org).toMatchObject({ name: 'Valid Co', plan: 'trial', userLimit: 10, active: true });
    expect(s.bmp).toBe(3);
  });

  it('tampered body: 400, nothing written', async () => {
    const r = await post(signed(evt('organization.created', org('org_wh_tamper', 'Tamper Co', 1000)), { tamper: (b) => b.replace('Tamper Co', 'Evil Co') }));
    expect(r.status).toBe(400);
    expect((await readOrg('org_wh_tamper')).org).toBeUndefined();
  });

  it('wrong secret: 400, nothing written', async () => {
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    const r = await post(signed(evt('organization.created', org('org_wh_wrong', 'Wrong Co', 1000)), { secret: other }));
    expect(r.status).toBe(400);
    expect((await readOrg('org_wh_wrong')).org).toBeUndefined();
  });

  it('a stale timestamp (captured and replayed later) is rejected', async () => {
    const r = await post(signed(evt('organization.created', org('org_wh_old', 'Old Co', 1000)), { at: new Date(Date.now() - 10 * 60_000) }));
    expect(r.status).toBe(400);
  });
});

describe('idempotency and ordering', () => {
  it('replayed delivery (same svix id): applied once', async () => {
    const id = `msg_${randomUUID()}`;
    const e = evt('organization.created', org('org_wh_replay', 'Replay Co', 1000));
    expect((await post(signed(e, { id }))).body.outcome).toBe('applied');
    // Renamed between deliveries by a later event; a redelivery of the first must not rename it back.
    await post(signed(evt('organization.updated', org('org_wh_replay', 'Replay Renamed', 2000))));
    expect((await post(signed(e, { id }))).body.outcome).toBe('duplicate');
    expect((await readOrg('org_wh_replay')).org?.name).toBe('Replay Renamed');
  });

  it('out of order: an older update arriving late does not overwrite a newer one', async () => {
    await post(signed(evt('organization.updated', org('org_wh_order', 'Newest Name', 3000))));
    const late = await post(signed(evt('organization.created', org('org_wh_order', 'Original Name', 1000))));
    expect(late.body.outcome).toBe('stale');
    const s = await readOrg('org_wh_order');
    expect(s.org?.name).toBe('Newest Name');
    expect(s.bmp).toBe(3); // provisioned by whichever event came first
  });

  it('organization.deleted marks the tenant inactive, and a late update cannot revive it', async () => {
    await post(signed(evt('organization.created', org('org_wh_del', 'Doomed Co', 1000))));
    expect((await post(signed(evt('organization.deleted', { object: 'organization', id: 'org_wh_del', deleted: true })))).body.outcome).toBe('applied');
    expect((await readOrg('org_wh_del')).org).toMatchObject({ active: false });
    expect((await post(signed(evt('organization.updated', org('org_wh_del', 'Zombie Co', 5000))))).body.outcome).toBe('stale');
    expect((await readOrg('org_wh_del')).org).toMatchObject({ active: false, name: 'Doomed Co' });
  });

  it('memberships: before their org (provisions it), role updates, out-of-order delete', async () => {
    const orgId = 'org_wh_mem';
    expect((await post(signed(evt('organizationMembership.created', membership(orgId, 'user_wh_1', 'org:inspector', 1000))))).body.outcome).toBe('applied');
    let s = await readOrg(orgId);
    expect(s.org?.name).toBe('Embedded Org');
    expect(s.members.map((m) => [m.userId, m.role])).toEqual([['user_wh_1', 'inspector']]);

    await post(signed(evt('organizationMembership.updated', membership(orgId, 'user_wh_1', 'org:superintendent', 3000))));
    // An older update delivered late is ignored.
    expect((await post(signed(evt('organizationMembership.updated', membership(orgId, 'user_wh_1', 'org:crew', 2000))))).body.outcome).toBe('stale');
    s = await readOrg(orgId);
    expect(s.members.map((m) => m.role)).toEqual(['superintendent']);

    await post(signed(evt('organizationMembership.deleted', membership(orgId, 'user_wh_1', 'org:superintendent', 4000))));
    // The original "created" redelivered after the delete (new svix id, old version): still gone.
    await post(signed(evt('organizationMembership.created', membership(orgId, 'user_wh_1', 'org:inspector', 1000))));
    expect((await readOrg(orgId)).members).toEqual([]);
  });

  it('users: created, updated out of order, deleted', async () => {
    const id = 'user_wh_u';
    await post(signed(evt('user.created', user(id, 'First@Example.test', 1000))));
    await post(signed(evt('user.updated', user(id, 'third@example.test', 3000))));
    expect((await post(signed(evt('user.updated', user(id, 'second@example.test', 2000))))).body.outcome).toBe('stale');
    const row = await withIdentityOn(db, id, async (tx) => (await tx.select().from(users).where(eq(users.id, id)))[0]);
    expect(row).toMatchObject({ email: 'third@example.test', emailNormalized: 'third@example.test' });
    await post(signed(evt('user.deleted', { object: 'user', id, deleted: true })));
    expect(await withIdentityOn(db, id, (tx) => tx.select().from(users).where(eq(users.id, id)))).toEqual([]);
    expect((await post(signed(evt('user.updated', user(id, 'ghost@example.test', 9000))))).body.outcome).toBe('stale');
  });

  it('unknown event types are acknowledged and ignored', async () => {
    expect((await post(signed(evt('session.created', { id: 'sess_1' })))).body.outcome).toBe('ignored');
  });
});
