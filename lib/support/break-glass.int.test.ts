/**
 * Break-glass support access (docs/support-access.md): a grant needs a written
 * reason and lasts at most 30 minutes; reading needs a running grant of that
 * same staff member; the grant and each read land in the tenant's own audit log
 * and in its owners' list, never in another tenant's; the support session is a
 * cookie of its own that a forged or expired value, or a tenant session, can't
 * stand in for. Controls: the same read succeeds inside the grant window.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { seedProjects, uniqueId } from '@/tests/support/factories';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const ALICE_KEY = 'alice-personal-support-key-0123456789';
process.env.SUPPORT_STAFF = `alice=${sha(ALICE_KEY)},bob=${sha('bob-personal-support-key-9876543210')}`;
process.env.SUPPORT_SESSION_SECRET = 's'.repeat(48);
// lib/env reads process.env once: modules that read the settings above are loaded afresh.
vi.resetModules();
const staff = await import('./staff');
const bg = await import('./break-glass');
const { listSupportGrants } = await import('@/db/queries/support');
const { withTenant } = await import('@/db/tenant');

let orgA: string;
let orgB: string;
const REASON = 'Customer ticket #4411: inspection report PDF shows the wrong site address.';

const auditOf = async (org: string) =>
  testDatabase.sql('superuser')<{ actor_user_id: string; action: string; entity_type: string }[]>`
    select actor_user_id, action, entity_type from audit_log where organization_id = ${org} order by chain_seq`;

beforeAll(async () => {
  orgA = uniqueId('org', 'glassA');
  orgB = uniqueId('org', 'glassB');
  await seedProjects(orgA, 2);
  await seedProjects(orgB, 1);
});

describe('the support session', () => {
  it('signs in only with the right personal key, doing the same work for an unknown name', () => {
    expect(staff.checkStaffKey('alice', ALICE_KEY)).toBe('alice');
    expect(staff.checkStaffKey('alice', 'wrong')).toBeNull();
    expect(staff.checkStaffKey('mallory', ALICE_KEY)).toBeNull();
  });

  it('reads back its own cookie; refuses forged, re-signed, expired and tenant-session values', () => {
    const value = staff.supportSessionValue('alice');
    expect(staff.readSupportSession(value)).toBe('alice');
    expect(staff.readSupportSession(value.replace(/^alice/, 'bob'))).toBeNull();
    expect(staff.readSupportSession(`${value.slice(0, -2)}xx`)).toBeNull();
    expect(staff.readSupportSession(staff.supportSessionValue('alice', Date.now() - 9 * 3600_000))).toBeNull();
    expect(staff.readSupportSession('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyX29sIn0.sig')).toBeNull();
    expect(staff.readSupportSession(undefined)).toBeNull();
  });
});

describe('grants', () => {
  it('refuses a grant without a real reason or longer than 30 minutes', () => {
    expect(bg.grantRequestSchema.safeParse({ orgId: orgA, reason: 'need it', minutes: 30 }).success).toBe(false);
    expect(bg.grantRequestSchema.safeParse({ orgId: orgA, reason: REASON, minutes: 31 }).success).toBe(false);
    expect(bg.grantRequestSchema.safeParse({ orgId: orgA, reason: REASON, minutes: 30 }).success).toBe(true);
  });

  it('a grant on an organization that does not exist is a 404, and writes nothing', async () => {
    await expect(bg.openGrant('alice', { orgId: 'org_nobody_here', reason: REASON, minutes: 10 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('no grant, no data', async () => {
    await expect(bg.readTenantForSupport('alice', orgA)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a grant opens a read-only view of that tenant only, audited in its own log and listed for its owners', async () => {
    const before = (await auditOf(orgB)).length;
    const grant = await bg.openGrant('alice', { orgId: orgA, reason: REASON, minutes: 30 });
    expect(grant.expiresAt.getTime() - grant.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);

    const view = await bg.readTenantForSupport('alice', orgA);
    expect(view.organization?.organizationId).toBe(orgA);
    expect(view.projects).toHaveLength(2);
    expect(new Set(view.projects.map((p) => p.organizationId))).toEqual(new Set([orgA]));

    const trail = await auditOf(orgA);
    expect(trail).toEqual(
      expect.arrayContaining([
        { actor_user_id: 'support_alice', action: 'create', entity_type: 'support_access_grant' },
        { actor_user_id: 'support_alice', action: 'read', entity_type: 'support_access_grant' },
      ]),
    );
    expect((await auditOf(orgB)).length).toBe(before);

    const listed = await withTenant({ orgId: orgA, userId: 'user_owner' }, (tx) => listSupportGrants(tx, orgA, 10));
    expect(listed.map((g) => [g.staff, g.reason])).toEqual([['alice', REASON]]);
    const other = await withTenant({ orgId: orgB, userId: 'user_owner' }, (tx) => listSupportGrants(tx, orgB, 10));
    expect(other).toEqual([]);
  });

  it("another staff member can't use alice's grant", async () => {
    await expect(bg.readTenantForSupport('bob', orgA)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('after the grant expires the same read is refused (control: it worked a moment before)', async () => {
    await expect(bg.readTenantForSupport('alice', orgA)).resolves.toBeTruthy();
    await expect(bg.readTenantForSupport('alice', orgA, new Date(Date.now() + 31 * 60_000))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
