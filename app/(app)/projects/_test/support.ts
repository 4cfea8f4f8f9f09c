/**
 * Shared arrangements for the projects / rain-events integration tests: the
 * seeded look-alike orgs (acme, bolt), a brave_app handle for inspecting rows
 * and audit entries, and the request headers an audit row should capture.
 */
import { and, count, eq } from 'drizzle-orm';
import { auditLog, projects, rainEvents } from '@/db/schema';
import { seedOrganizations } from '@/db/seed-data';
import { withTenantOn, type Tx } from '@/db/tenant';
import { testDatabase } from '@/tests/support/database';

export const [acme, bolt] = seedOrganizations;
export type Org = typeof acme | typeof bolt;

export const REQUEST_HEADERS = { 'x-forwarded-for': '198.51.100.7, 10.0.0.1', 'user-agent': 'vitest-phone/1.0' };

let db: ReturnType<typeof testDatabase.app> | undefined;

/** Seed acme and bolt (idempotent) on a small brave_app pool. */
export async function seedOrgs() {
  db = testDatabase.app({ max: 2 });
  const { seed } = await import('@/lib/demo/seed');
  await seed(db);
}

export function inOrg<T>(org: Org, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!db) throw new Error('call seedOrgs() in beforeAll');
  return withTenantOn(db, { orgId: org.id, userId: 'test_inspector' }, fn);
}

export const auditRowsFor = (org: Org, entityId: string) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, entityId))),
  );

export const auditCount = (org: Org) =>
  inOrg(org, (tx) =>
    tx
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.organizationId, org.id))
      .then((r) => r[0]!.n),
  );

export const projectCount = (org: Org) =>
  inOrg(org, (tx) =>
    tx
      .select({ n: count() })
      .from(projects)
      .where(eq(projects.organizationId, org.id))
      .then((r) => r[0]!.n),
  );

export const rainCount = (org: Org) =>
  inOrg(org, (tx) =>
    tx
      .select({ n: count() })
      .from(rainEvents)
      .where(eq(rainEvents.organizationId, org.id))
      .then((r) => r[0]!.n),
  );

export const projectRow = (org: Org, id: string) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(projects)
      .where(and(eq(projects.organizationId, org.id), eq(projects.id, id)))
      .then((r) => r[0]),
  );

export const rainRow = (org: Org, id: string) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(rainEvents)
      .where(and(eq(rainEvents.organizationId, org.id), eq(rainEvents.id, id)))
      .then((r) => r[0]),
  );

/** The first seeded project of an org with this name (both orgs have the same names). */
export const projectNamed = (org: Org, name: string) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(projects)
      .where(and(eq(projects.organizationId, org.id), eq(projects.name, name)))
      .then((r) => r[0]!),
  );

export const firstRainEvent = (org: Org) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(rainEvents)
      .where(eq(rainEvents.organizationId, org.id))
      .limit(1)
      .then((r) => r[0]!),
  );

export function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
}
