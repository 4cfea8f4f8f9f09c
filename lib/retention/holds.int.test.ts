/**
 * Legal holds through the real server actions (/settings/retention): who may place and release
 * them, the second factor release asks for, the audit rows, and another org's ids answering 404
 * with nothing written. The purge's respect of holds is lib/retention/run-purge.int.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, legalHolds } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.9', 'user-agent': 'vitest' }) }));

const { actAs } = await import('@/tests/support/auth-mock');
const { placeHoldAction } = await import('@/app/(app)/settings/retention/actions/place-hold');
const { releaseHoldAction } = await import('@/app/(app)/settings/retention/actions/release-hold');
const { dryRunPurgeAction } = await import('@/app/(app)/settings/retention/actions/dry-run-purge');
const { STEP_UP_MESSAGE } = await import('@/lib/actions/tenant-action');

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};
const holdsOf = (t: TenantGraph) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, (tx) => tx.select().from(legalHolds).where(eq(legalHolds.organizationId, t.orgId)));
const auditsOf = (t: TenantGraph, action: string) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organizationId, t.orgId), eq(auditLog.action, action))));

let a: TenantGraph;
let b: TenantGraph;
beforeAll(async () => {
  a = await seedTenant('holds-a');
  b = await seedTenant('holds-b');
});

describe('legal holds', () => {
  it('an owner places a hold on a project and on the org, each audited with its reason', async () => {
    actAs({ userId: a.userId, orgId: a.orgId, role: 'owner', stepUp: 'none' });
    const onProject = await placeHoldAction(null, form({ projectId: a.keys.projects, reason: 'Pending litigation: Smith v. Acme' }));
    const onOrg = await placeHoldAction(null, form({ projectId: '', reason: 'EPA information request' }));
    expect(onProject.ok && onOrg.ok).toBe(true);
    const holds = (await holdsOf(a)).filter((h) => !h.releasedAt);
    expect(holds.map((h) => [h.projectId, h.reason, h.placedBy]).sort()).toEqual(
      [
        [a.keys.projects, 'Pending litigation: Smith v. Acme', a.userId],
        [null, 'EPA information request', a.userId],
      ].sort(),
    );
    const audits = await auditsOf(a, 'place_hold');
    expect(audits.map((r) => (r.after as { reason: string }).reason).sort()).toEqual(['EPA information request', 'Pending litigation: Smith v. Acme']);
    expect(audits.every((r) => r.actorUserId === a.userId && r.ip === '198.51.100.9')).toBe(true);
  });

  it('refuses a hold without a reason, and writes nothing', async () => {
    actAs({ userId: a.userId, orgId: a.orgId, role: 'admin' });
    const before = (await holdsOf(a)).length;
    const r = await placeHoldAction(null, form({ projectId: '', reason: ' ' }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringMatching(/Say why/)] } });
    expect((await holdsOf(a)).length).toBe(before);
  });

  it('another org’s project or hold is a 404, and nothing is written in either org', async () => {
    await withTenant({ orgId: b.orgId, userId: b.userId }, (tx) => tx.insert(legalHolds).values({ organizationId: b.orgId, projectId: null, reason: 'B’s own hold', placedBy: b.userId }));
    const bHold = (await holdsOf(b)).find((h) => h.reason === 'B’s own hold')!;
    actAs({ userId: a.userId, orgId: a.orgId, role: 'owner', stepUp: 'fresh' });
    const before = { a: (await holdsOf(a)).length, aAudit: (await auditsOf(a, 'place_hold')).length };
    expect(await placeHoldAction(null, form({ projectId: b.keys.projects, reason: 'Reaching into B' }))).toMatchObject({ ok: false, formError: 'Not found.' });
    expect(await releaseHoldAction(null, form({ holdId: bHold.id }))).toMatchObject({ ok: false, formError: 'Not found.' });
    expect((await holdsOf(a)).length).toBe(before.a);
    expect((await auditsOf(a, 'place_hold')).length).toBe(before.aAudit);
    expect((await holdsOf(b)).find((h) => h.id === bHold.id)?.releasedAt).toBeNull();
  });

  it('releasing needs a recent second factor; then it is released once, audited', async () => {
    const hold = (await holdsOf(a)).find((h) => h.projectId === a.keys.projects && !h.releasedAt)!;
    for (const stepUp of ['none', 'stale'] as const) {
      actAs({ userId: a.userId, orgId: a.orgId, role: 'owner', stepUp });
      expect(await releaseHoldAction(null, form({ holdId: hold.id }))).toEqual({ ok: false, formError: STEP_UP_MESSAGE, stepUp: true });
    }
    expect((await holdsOf(a)).find((h) => h.id === hold.id)?.releasedAt).toBeNull();
    actAs({ userId: a.userId, orgId: a.orgId, role: 'owner', stepUp: 'fresh' });
    expect(await releaseHoldAction(null, form({ holdId: hold.id }))).toMatchObject({ ok: true });
    const released = (await holdsOf(a)).find((h) => h.id === hold.id)!;
    expect(released.releasedBy).toBe(a.userId);
    expect(released.releasedAt).toBeInstanceOf(Date);
    expect(await releaseHoldAction(null, form({ holdId: hold.id }))).toMatchObject({ ok: false, formError: 'Not found.' });
    const audits = await auditsOf(a, 'release_hold');
    expect(audits.map((r) => r.entityId)).toEqual([hold.id]);
  });

  it('the database keeps a released hold released (no code path can re-arm or rewrite it)', async () => {
    const released = (await holdsOf(a)).find((h) => h.releasedAt)!;
    const rewrite = withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.update(legalHolds).set({ releasedAt: null, releasedBy: null }).where(and(eq(legalHolds.organizationId, a.orgId), eq(legalHolds.id, released.id))),
    );
    await expect(rewrite).rejects.toThrow();
  });

  it('superintendents, inspectors, crews and viewers may not place, release or dry-run', async () => {
    const hold = (await holdsOf(a)).find((h) => !h.releasedAt)!;
    for (const role of ['superintendent', 'inspector', 'crew', 'viewer'] as const) {
      actAs({ userId: a.userId, orgId: a.orgId, role, stepUp: 'fresh' });
      expect(await placeHoldAction(null, form({ projectId: '', reason: 'Not allowed here' }))).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
      expect(await releaseHoldAction(null, form({ holdId: hold.id }))).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
      expect(await dryRunPurgeAction(null, form({}))).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    }
    expect((await holdsOf(a)).find((h) => h.id === hold.id)?.releasedAt).toBeNull();
  });

  it('an admin’s dry run stores a report that removes nothing', async () => {
    actAs({ userId: a.userId, orgId: a.orgId, role: 'admin' });
    const r = await dryRunPurgeAction(null, form({}));
    expect(r).toMatchObject({ ok: true, data: { projects: 0, incidents: 0 } });
  });
});
