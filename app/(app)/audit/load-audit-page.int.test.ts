/**
 * The audit page's data: permission (403 for roles without org:audit:read),
 * every query-string filter, keyset pages, readable diffs, own org only.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complianceSettings } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { updateViolation } from '@/db/queries/violations';
import { permissionsOf, ROLES, type Role } from '@/lib/rbac/permissions';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { decodeCursor } from '@/lib/pagination/cursor';
import { addMember, createUser, seedTenant, type TenantGraph } from '@/tests/support/factories';
import { eq } from 'drizzle-orm';
import { AUDIT_PAGE_SIZE, loadAuditPage } from './load-audit-page';

let a: TenantGraph;
let b: TenantGraph;
let otherUser: string;
const ctxOf = (t: TenantGraph, role: Role = 'owner', userId = t.userId): TenantContext => ({
  orgId: t.orgId,
  orgSlug: null,
  userId,
  role,
  permissions: permissionsOf(role),
});

async function ok(t: TenantGraph, query: Record<string, string>) {
  const d = await loadAuditPage(ctxOf(t), query);
  if (d.kind !== 'ok') throw new Error('forbidden');
  return d;
}

beforeAll(async () => {
  a = await seedTenant('auditA');
  b = await seedTenant('auditB');
  otherUser = await createUser(`user_auditA_other_${randomUUID().slice(0, 6)}`, a.orgId);
  await addMember(a.orgId, otherUser, 'inspector');
  await withTenant({ orgId: a.orgId, userId: a.userId }, async (tx) => {
    await tx
      .update(complianceSettings)
      .set({ timezone: 'America/Chicago' })
      .where(eq(complianceSettings.organizationId, a.orgId));
    // Entries on known days (Chicago time): May 1 08:00, May 2 23:30 (= May 3 04:30 UTC), May 10 12:00.
    const at = (iso: string) => new Date(iso);
    await tx.insert(auditLog).values([
      {
        organizationId: a.orgId,
        actorUserId: a.userId,
        action: 'create',
        entityType: 'project',
        entityId: randomUUID(),
        after: { name: 'Yard' },
        createdAt: at('2026-05-01T13:00:00Z'),
      },
      {
        organizationId: a.orgId,
        actorUserId: otherUser,
        action: 'update',
        entityType: 'project',
        entityId: randomUUID(),
        before: { name: 'Yard' },
        after: { name: 'Yard 2' },
        createdAt: at('2026-05-03T04:30:00Z'),
      },
      {
        organizationId: a.orgId,
        actorUserId: otherUser,
        action: 'sign',
        entityType: 'inspection',
        entityId: randomUUID(),
        after: { signedBy: otherUser },
        createdAt: at('2026-05-10T17:00:00Z'),
      },
    ]);
  });
  // A real write with a diff: open → in progress.
  await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
    updateViolation(tx, { orgId: a.orgId, userId: a.userId, ip: '203.0.113.9' }, a.keys.violations, {
      status: 'in_progress',
    }),
  );
  // Look-alike rows in B.
  await withTenant({ orgId: b.orgId, userId: b.userId }, (tx) =>
    tx.insert(auditLog).values({
      organizationId: b.orgId,
      actorUserId: b.userId,
      action: 'update',
      entityType: 'project',
      entityId: randomUUID(),
      after: { name: 'B secret' },
    }),
  );
});

describe('loadAuditPage', () => {
  it('only roles with org:audit:read get data; the others get the 403 page', async () => {
    for (const role of ROLES) {
      const d = await loadAuditPage(ctxOf(a, role), {});
      expect(d.kind, role).toBe(role === 'owner' || role === 'admin' ? 'ok' : 'forbidden');
    }
  });

  it('lists the own organization only, newest first, with readable diffs and member names', async () => {
    const d = await ok(a, {});
    expect(d.entries.every((e) => e.actorUserId !== b.userId)).toBe(true);
    expect(JSON.stringify(d.entries)).not.toContain('B secret');
    const transition = d.entries.find((e) => e.action === 'transition')!;
    expect(transition).toMatchObject({ entityType: 'violation', entityId: a.keys.violations, ip: '203.0.113.9' });
    expect(transition.lines).toEqual([{ field: 'Status', from: 'open', to: 'in progress' }]);
    const rename = d.entries.find((e) => e.action === 'update' && e.entityType === 'project')!;
    expect(rename.lines).toEqual([{ field: 'Name', from: 'Yard', to: 'Yard 2' }]);
    expect(d.timeZone).toBe('America/Chicago');
    const times = d.entries.map((e) => e.at.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(d.facets.entityTypes).toEqual(expect.arrayContaining(['project', 'inspection', 'violation']));
    expect(d.members.map((m) => m.userId)).toEqual(expect.arrayContaining([a.userId, otherUser]));
  });

  it('filters by entity type, actor, action and each combination', async () => {
    expect((await ok(a, { entityType: 'inspection' })).entries.map((e) => e.action)).toEqual(['sign']);
    expect((await ok(a, { actor: otherUser })).entries.map((e) => e.action)).toEqual(['sign', 'update']);
    expect((await ok(a, { action: 'update', entityType: 'project' })).entries).toHaveLength(1);
    expect((await ok(a, { action: 'update', actor: a.userId })).entries).toHaveLength(0);
    // B's actor id in A's filter finds nothing.
    expect((await ok(a, { actor: b.userId })).entries).toEqual([]);
  });

  it('date range: calendar days in the organization time zone, both ends included', async () => {
    const days = async (from: string, to: string) =>
      (await ok(a, { from, to, entityType: 'project' })).entries.map((e) => e.action);
    expect(await days('2026-05-01', '2026-05-01')).toEqual(['create']);
    // 04:30 UTC on May 3 is 23:30 on May 2 in Chicago.
    expect(await days('2026-05-02', '2026-05-02')).toEqual(['update']);
    expect(await days('2026-05-03', '2026-05-09')).toEqual([]);
    expect(await days('2026-05-01', '2026-05-02')).toEqual(['update', 'create']);
    expect((await ok(a, { from: '2026-05-10', to: '2026-05-10' })).entries.map((e) => e.action)).toEqual(['sign']);
  });

  it('invalid filters are field errors with no entries, never a wider list', async () => {
    const d = await ok(a, {
      entityType: 'DROP TABLE',
      action: 'x y',
      actor: 'a b',
      from: '2026-13-40',
      to: 'yesterday',
    });
    expect(Object.keys(d.fieldErrors).sort()).toEqual(['action', 'actor', 'entityType', 'from', 'to']);
    expect(d.entries).toEqual([]);
    const reversed = await ok(a, { from: '2026-05-10', to: '2026-05-01' });
    expect(reversed.fieldErrors.to).toEqual(['The end date must be on or after the start date.']);
    expect((await ok(a, { cursor: 'garbage' })).fieldErrors.cursor).toBeDefined();
  });

  it('keyset pages walk every entry exactly once', async () => {
    await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.insert(auditLog).values(
        Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
          organizationId: a.orgId,
          actorUserId: a.userId,
          action: 'update',
          entityType: 'rain_event',
          entityId: randomUUID(),
          after: { amountInches: String(i) },
        })),
      ),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const d = await ok(a, { entityType: 'rain_event', ...(cursor ? { cursor } : {}) });
      seen.push(...d.entries.map((e) => e.id));
      if (!d.nextCursor) break;
      expect(decodeCursor(d.nextCursor)).toBeDefined();
      cursor = d.nextCursor;
    }
    expect(seen).toHaveLength(AUDIT_PAGE_SIZE + 5);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('values that merely look like dates', () => {
  // Regression: a member's free text "2026-13-01T00:00:00Z" in an inspection's findings made /audit answer 500.
  it('free text that looks like an ISO timestamp stays text; timestamp columns are dates', async () => {
    const entityId = randomUUID();
    await withTenant({ orgId: b.orgId, userId: b.userId }, (tx) =>
      tx.insert(auditLog).values({
        organizationId: b.orgId,
        actorUserId: b.userId,
        action: 'update',
        entityType: 'inspection',
        entityId,
        before: { findings: 'ok', signedAt: null },
        after: { findings: '2026-13-01T00:00:00Z', signedAt: '2026-05-05T12:30:00.000Z' },
      }),
    );
    const d = await ok(b, { entityType: 'inspection' });
    const entry = d.entries.find((e) => e.entityId === entityId);
    expect(entry?.lines).toEqual(
      expect.arrayContaining([
        { field: 'Findings', from: 'ok', to: '2026-13-01T00:00:00Z' },
        { field: 'Signed at', from: '—', to: expect.stringMatching(/^May 5, 2026/) },
      ]),
    );
  });
});
