/**
 * The retention purge (docs/retention.md) through the real job function, with the embedded S3.
 * The oracle is independent of the code under test: row counts read past RLS by the superuser,
 * and a raw S3 HEAD of each object.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, incidents, inspections, legalHolds, photos, projects } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { testDatabase } from '@/tests/support/database';
import { rowFactories, seedTenant, type TenantGraph, type TenantKeys } from '@/tests/support/factories';
import { objectExists, plantObject } from '@/tests/support/storage';
import { planPurge } from './plan-purge';
import { runRetentionPurge } from './run-purge';

const su = testDatabase.sql('superuser');
const today = new Date();
const isoDaysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** The project-scoped tables the factories fill, parents first. */
const PROJECT_TABLES = ['rain_events', 'project_obligations', 'inspector_links', 'inspector_link_views', 'inspections', 'form_submissions', 'violations', 'corrective_actions', 'documents', 'photos', 'notifications', 'site_conditions'] as const;

interface Site {
  id: string;
  keys: Partial<TenantKeys>;
  objects: string[];
}

/** A project with a row in every project table, a signed inspection, and its files in S3. */
async function site(t: TenantGraph, values: { status: 'active' | 'completed' | 'archived'; permitEnd: string | null }): Promise<Site> {
  const actor = { orgId: t.orgId, userId: t.userId };
  const keys = await withTenant(actor, async (tx) => {
    const [p] = await tx.insert(projects).values({ organizationId: t.orgId, name: `Site ${randomUUID().slice(0, 6)}`, createdBy: t.userId, ...values }).returning({ id: projects.id });
    const k: Partial<TenantKeys> = { ...t.keys, projects: p!.id };
    for (const table of PROJECT_TABLES) k[table] = await rowFactories[table](tx, t.orgId, k);
    await tx.update(inspections).set({ signedAt: new Date(), signedBy: t.userId }).where(and(eq(inspections.organizationId, t.orgId), eq(inspections.id, k.inspections!)));
    await tx.update(photos).set({ thumbnailKey: `tenants/${t.orgId}/photos/${k.photos}/thumb.webp` }).where(and(eq(photos.organizationId, t.orgId), eq(photos.id, k.photos!)));
    return k;
  });
  const objects = [
    `tenants/${t.orgId}/documents/${keys.documents}/swppp.pdf`,
    `tenants/${t.orgId}/photos/${keys.photos}/gate.jpg`,
    `tenants/${t.orgId}/photos/${keys.photos}/thumb.webp`,
  ];
  for (const key of objects) await plantObject(key, new Uint8Array([1, 2, 3]), 'application/octet-stream', t.orgId);
  return { id: keys.projects!, keys, objects };
}

const projectExists = async (orgId: string, id: string) =>
  (await su<{ n: number }[]>`select count(*)::int as n from projects where organization_id = ${orgId} and id = ${id}`)[0]!.n === 1;
const rowsOf = async (orgId: string, projectId: string) => {
  const out: Record<string, number> = {};
  for (const table of [...PROJECT_TABLES.filter((t) => !['inspector_link_views', 'corrective_actions'].includes(t)), 'projects'] as const) {
    const col = table === 'projects' ? 'id' : 'project_id';
    out[table] = (await su<{ n: number }[]>`select count(*)::int as n from ${su(table)} where organization_id = ${orgId} and ${su(col)} = ${projectId}`)[0]!.n;
  }
  return out;
};
const allRows = async (orgId: string) => {
  const tables = await su<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)`;
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (await su<{ n: number }[]>`select count(*)::int as n from ${su(name)} where organization_id = ${orgId}`)[0]!.n;
  return out;
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
  );

let a: TenantGraph;
let b: TenantGraph;
let old: Site;
let held: Site;
let inPermit: Site;
let running: Site;
let oshaKept: Site;
let bOld: Site;
let pastIncident: string;

beforeAll(async () => {
  a = await seedTenant('retention-a');
  b = await seedTenant('retention-b');
  old = await site(a, { status: 'completed', permitEnd: '2015-06-30' });
  held = await site(a, { status: 'completed', permitEnd: '2015-06-30' });
  // Terminated a year ago: within the 3 years after coverage ends, though created long before.
  inPermit = await site(a, { status: 'completed', permitEnd: isoDaysAgo(365) });
  // Not terminated (still active): never purgeable, whatever its dates say.
  running = await site(a, { status: 'active', permitEnd: '2015-06-30' });
  oshaKept = await site(a, { status: 'archived', permitEnd: '2015-06-30' });
  bOld = await site(b, { status: 'completed', permitEnd: '2015-06-30' });
  await withTenant({ orgId: a.orgId, userId: a.userId }, async (tx) => {
    await tx.insert(legalHolds).values({ organizationId: a.orgId, projectId: held.id, reason: 'Pending litigation', placedBy: a.userId });
    // An OSHA record of 2024 (kept through 2029-12-31) keeps its project; one of 2015 on a running project goes.
    await tx.insert(incidents).values({ organizationId: a.orgId, projectId: oshaKept.id, caseType: 'injury', outcome: 'other_recordable', occurredAt: new Date('2024-05-01T15:00:00Z'), learnedAt: new Date('2024-05-01T15:00:00Z'), description: 'Cut hand', recordedBy: a.userId });
    const [i] = await tx.insert(incidents).values({ organizationId: a.orgId, projectId: running.id, caseType: 'injury', outcome: 'other_recordable', occurredAt: new Date('2015-05-01T15:00:00Z'), learnedAt: new Date('2015-05-01T15:00:00Z'), description: 'Sprain', recordedBy: a.userId }).returning({ id: incidents.id });
    pastIncident = i!.id;
  });
});

describe('retention purge', () => {
  it('a dry run reports what would go and removes nothing', async () => {
    const before = await allRows(a.orgId);
    const report = await runRetentionPurge(a.orgId, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.removed.projects.map((p) => p.id)).toEqual([old.id]);
    expect(report.removed.incidents.map((i) => i.id)).toEqual([pastIncident]);
    expect(report.counts).toEqual({});
    const after = await allRows(a.orgId);
    expect({ ...after, audit_log: 0, purge_reports: 0 }).toEqual({ ...before, audit_log: 0, purge_reports: 0 });
    for (const key of old.objects) expect(await objectExists(key)).toBe(true);
  });

  it('negative control: a planner that ignores holds is refused by the database, and the held project stays', async () => {
    const ignoringHolds: typeof planPurge = (input) => planPurge({ ...input, orgHeld: false, heldProjectIds: new Set() });
    expect(await failure(runRetentionPurge(a.orgId, { planner: ignoringHolds }))).toMatch(/under a legal hold/);
    expect(await rowsOf(a.orgId, held.id)).toMatchObject({ projects: 1, inspections: 1, photos: 1, documents: 1 });
    for (const key of held.objects) expect(await objectExists(key)).toBe(true);
  });

  it('negative control: a planner that counts from creation (ignoring termination) is refused too', async () => {
    const everything: typeof planPurge = (input) => ({ projects: input.projects.map((p) => ({ id: p.id, name: p.name, retainUntil: '2000-01-01' })).filter((p) => p.id === running.id || p.id === inPermit.id), incidents: [], kept: [] });
    expect(await failure(runRetentionPurge(a.orgId, { planner: everything }))).toMatch(/within its retention period/);
    expect(await projectExists(a.orgId, running.id)).toBe(true);
    expect(await projectExists(a.orgId, inPermit.id)).toBe(true);
  });

  it('a signed inspection of a held project cannot be deleted outside the purge either', async () => {
    const del = withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.delete(inspections).where(and(eq(inspections.organizationId, a.orgId), eq(inspections.id, held.keys.inspections!))));
    expect(await failure(del)).toMatch(/signed inspection .* cannot be deleted/);
  });

  it('removes only what is past retention and not held, with its S3 objects, and stores its report', async () => {
    const bBefore = await allRows(b.orgId);
    const report = await runRetentionPurge(a.orgId);

    expect(await rowsOf(a.orgId, old.id)).toEqual(Object.fromEntries(Object.keys(await rowsOf(a.orgId, old.id)).map((k) => [k, 0])));
    for (const key of old.objects) expect(await objectExists(key)).toBe(false);
    for (const kept of [held, inPermit, running, oshaKept]) {
      expect(await rowsOf(a.orgId, kept.id)).toMatchObject({ projects: 1, inspections: 1, photos: 1, documents: 1, rain_events: 1, violations: 1 });
      for (const key of kept.objects) expect(await objectExists(key)).toBe(true);
    }
    expect(await projectExists(a.orgId, a.keys.projects)).toBe(true);
    // (The past incident already went in the first negative control's run: incidents go before projects.)
    expect((await su`select 1 from incidents where organization_id = ${a.orgId} and id = ${pastIncident}`).length).toBe(0);
    expect((await su`select 1 from incidents where organization_id = ${a.orgId} and project_id = ${oshaKept.id}`).length).toBe(1);

    // The other org: every row and object as it was (it has a project past retention of its own).
    expect(await allRows(b.orgId)).toEqual(bBefore);
    for (const key of bOld.objects) expect(await objectExists(key)).toBe(true);

    expect(report.dryRun).toBe(false);
    expect(report.removed.projects).toEqual([{ id: old.id, name: expect.any(String), retainUntil: '2018-06-30' }]);
    expect(report.removed.objects).toBe(3);
    expect(report.counts).toMatchObject({ projects: 1, inspections: 1, photos: 1, documents: 1, rain_events: 1, violations: 1 });
    expect(report.removed.kept).toEqual(
      expect.arrayContaining([
        { id: held.id, kind: 'project', reason: `legal hold on project ${held.id}` },
        { id: oshaKept.id, kind: 'project', reason: 'OSHA 1904 records of the project are still within their retention' },
      ]),
    );
    const stored = (await su<{ id: string; dry_run: boolean }[]>`select id, dry_run from purge_reports where organization_id = ${a.orgId} and id = ${report.id}`)[0];
    expect(stored?.dry_run).toBe(false);

    // Audited, and the audit chain still verifies: audit rows are never deleted by a purge.
    await withTenant({ orgId: a.orgId, userId: a.userId }, async (tx) => {
      const rows = await tx.select().from(auditLog).where(and(eq(auditLog.organizationId, a.orgId), eq(auditLog.action, 'purge')));
      expect(rows.map((r) => `${r.entityType}:${r.entityId}`).sort()).toEqual(
        expect.arrayContaining([`project:${old.id}`, `incident:${pastIncident}`, `purge_report:${report.id}`]),
      );
      expect((await verifyAuditChain(tx, a.orgId)).ok).toBe(true);
    });
  });

  it('an org-wide hold stops every purge', async () => {
    const orgHeld = await site(a, { status: 'completed', permitEnd: '2014-01-31' });
    await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.insert(legalHolds).values({ organizationId: a.orgId, projectId: null, reason: 'Regulator inquiry', placedBy: a.userId }));
    const report = await runRetentionPurge(a.orgId);
    expect(report.removed.projects).toEqual([]);
    expect(report.removed.kept).toContainEqual({ id: orgHeld.id, kind: 'project', reason: 'legal hold on the organization' });
    expect(await projectExists(a.orgId, orgHeld.id)).toBe(true);
  });
});
