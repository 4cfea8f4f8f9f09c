/**
 * The incident actions through tenantAction against the real database: a
 * recorded incident with its audit row; every field error at once; times in
 * the future or out of order refused; crew may not; another tenant's project
 * or incident is a plain "not found" with nothing written; the report to OSHA
 * is recorded once.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, incidents } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { acme, bolt, crewA, seedInspectionFixtures } from '@/tests/support/inspection-fixtures';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { createIncidentAction } = await import('./create-incident');
const { markIncidentReportedAction } = await import('./mark-incident-reported');

const superA = { userId: 'user_acme_super', orgId: acme.id, orgSlug: 'acme', role: 'superintendent' } as const;
const ownerB = { userId: 'user_bolt_owner', orgId: bolt.id, orgSlug: 'bolt', role: 'owner' } as const;
const NOT_FOUND = { ok: false, formError: 'Not found.' };
const FORBIDDEN = { ok: false, formError: 'You do not have permission to do that.' };

let db: ReturnType<typeof testDatabase.app>;
let acmeProject: string;
let boltProject: string;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const tally = (orgId: string) =>
  withTenantOn(db, { orgId, userId: 'test' }, async (tx) => ({
    incidents: (await tx.select({ n: count() }).from(incidents).where(eq(incidents.organizationId, orgId)))[0]!.n,
    audit: (await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, orgId)))[0]!.n,
  }));

const valid = (over: Record<string, unknown> = {}) => ({
  projectId: acmeProject,
  caseType: 'injury',
  outcome: 'amputation',
  occurredAt: hoursAgo(5),
  learnedAt: hoursAgo(4),
  description: 'Finger caught in the saw guard.',
  idempotencyKey: randomUUID(),
  ...over,
});

beforeAll(async () => {
  db = testDatabase.app({ max: 2 });
  const f = await seedInspectionFixtures(db);
  acmeProject = f.acmeProjects[0]!;
  boltProject = f.boltProjects[0]!;
});

describe('createIncidentAction', () => {
  it('records the incident with who recorded it, audited in the same transaction; a retry returns it', async () => {
    actAs(superA);
    const before = await tally(acme.id);
    const input = valid();
    const res = await createIncidentAction(null, input);
    expect(res.ok).toBe(true);
    const id = res.ok ? res.data.id : '';
    const again = await createIncidentAction(null, input);
    expect(again).toEqual(res);
    const row = await withTenantOn(db, { orgId: acme.id, userId: 'test' }, async (tx) => (await tx.select().from(incidents).where(eq(incidents.id, id)))[0]);
    expect(row).toMatchObject({ outcome: 'amputation', caseType: 'injury', recordedBy: superA.userId, learnedAt: new Date(input.learnedAt), reportedAt: null });
    expect(await tally(acme.id)).toEqual({ incidents: before.incidents + 1, audit: before.audit + 1 });
    const [audit] = await withTenantOn(db, { orgId: acme.id, userId: 'test' }, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.organizationId, acme.id), eq(auditLog.entityId, id))),
    );
    expect(audit).toMatchObject({ action: 'create', entityType: 'incident', actorUserId: superA.userId });
  });

  it('names every bad field at once and writes nothing', async () => {
    actAs(superA);
    const before = await tally(acme.id);
    const res = await createIncidentAction(null, { projectId: 'nope', caseType: 'bruise', outcome: 'scratch', occurredAt: 'yesterday', learnedAt: '', description: '' });
    expect(res.ok).toBe(false);
    const errors = res.ok ? {} : (res.fieldErrors ?? {});
    expect(Object.keys(errors).sort()).toEqual(['caseType', 'description', 'learnedAt', 'occurredAt', 'outcome', 'projectId']);
    expect(await tally(acme.id)).toEqual(before);
  });

  it('refuses a time in the future and learning of it before it happened', async () => {
    actAs(superA);
    const future = await createIncidentAction(null, valid({ occurredAt: new Date(Date.now() + 3 * 3_600_000).toISOString() }));
    expect(future).toMatchObject({ ok: false, fieldErrors: { occurredAt: ['When it happened can’t be in the future.'] } });
    const order = await createIncidentAction(null, valid({ occurredAt: hoursAgo(2), learnedAt: hoursAgo(3) }));
    expect(order).toMatchObject({ ok: false, fieldErrors: { learnedAt: ['The company can’t learn of it before it happened.'] } });
  });

  it('crew may not record one (org:incidents:write); nothing written', async () => {
    actAs(crewA);
    const before = await tally(acme.id);
    expect(await createIncidentAction(null, valid())).toEqual(FORBIDDEN);
    expect(await tally(acme.id)).toEqual(before);
  });

  it("another tenant's project: not found, nothing written in either tenant", async () => {
    actAs(superA);
    const [a, b] = [await tally(acme.id), await tally(bolt.id)];
    expect(await createIncidentAction(null, valid({ projectId: boltProject }))).toEqual(NOT_FOUND);
    expect([await tally(acme.id), await tally(bolt.id)]).toEqual([a, b]);
  });
});

describe('markIncidentReportedAction', () => {
  it('records the report once; a second is refused; another tenant gets not found and changes nothing', async () => {
    actAs(superA);
    const created = await createIncidentAction(null, valid({ outcome: 'fatality' }));
    const id = created.ok ? created.data.id : '';
    actAs(ownerB);
    expect(await markIncidentReportedAction(null, { incidentId: id, reportedAt: hoursAgo(1) })).toEqual(NOT_FOUND);
    actAs(superA);
    const reportedAt = hoursAgo(1);
    expect(await markIncidentReportedAction(null, { incidentId: id, reportedAt, reportReference: 'OSHA-123' })).toMatchObject({ ok: true, data: { reportedAt: new Date(reportedAt).toISOString() } });
    expect(await markIncidentReportedAction(null, { incidentId: id, reportedAt })).toEqual({ ok: false, formError: 'This incident was already reported to OSHA.' });
    const row = await withTenantOn(db, { orgId: acme.id, userId: 'test' }, async (tx) => (await tx.select().from(incidents).where(eq(incidents.id, id)))[0]);
    expect(row).toMatchObject({ reportReference: 'OSHA-123', reportedBy: superA.userId });
  });
});
