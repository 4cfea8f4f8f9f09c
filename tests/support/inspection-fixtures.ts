/**
 * Fixtures for the inspection action and route tests: the seeded demo orgs
 * (acme, bolt), their default form templates, and counters that prove
 * "nothing written" (rows and audit entries per org).
 */
import { and, count, eq } from 'drizzle-orm';
import { seed } from '@/lib/demo/seed';
import { seedOrganizations } from '@/db/seed-data';
import { auditLog, formSubmissions, formTemplates, inspections, projects } from '@/db/schema';
import { withTenantOn, type Tx } from '@/db/tenant';
import { defaultTemplates } from '@/lib/forms/default-templates';
import { testDatabase } from './database';

export const [acme, bolt] = seedOrganizations;

export const crewA = { userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' } as const;
export const inspectorA = {
  userId: 'user_acme_inspector',
  orgId: acme.id,
  orgSlug: 'acme',
  role: 'inspector',
} as const;
export const viewerB = { userId: 'user_bolt_viewer', orgId: bolt.id, orgSlug: 'bolt', role: 'viewer' } as const;
export const crewB = { userId: 'user_bolt_crew', orgId: bolt.id, orgSlug: 'bolt', role: 'crew' } as const;
export const inspectorB = {
  userId: 'user_bolt_inspector',
  orgId: bolt.id,
  orgSlug: 'bolt',
  role: 'inspector',
} as const;

type Db = ReturnType<typeof testDatabase.app>;

/**
 * The demo orgs with their default templates. Tenant provisioning inserts the
 * templates in the app; here they are added only where an org has none, so
 * the tests pass with or without provisioning in lib/demo/seed.ts.
 */
export async function seedInspectionFixtures(db: Db) {
  await seed(db);
  const out: Record<string, { projectIds: string[] }> = {};
  for (const org of [acme, bolt]) {
    out[org.slug] = await withTenantOn(db, { orgId: org.id, userId: 'test' }, async (tx) => {
      for (const t of defaultTemplates) {
        const [have] = await tx
          .select({ n: count() })
          .from(formTemplates)
          .where(and(eq(formTemplates.organizationId, org.id), eq(formTemplates.key, t.key)));
        if (!have?.n)
          await tx
            .insert(formTemplates)
            .values({ organizationId: org.id, key: t.key, name: t.name, kind: t.kind, schema: t.definition });
      }
      const rows = await tx.select({ id: projects.id }).from(projects).where(eq(projects.organizationId, org.id));
      return { projectIds: rows.map((r) => r.id) };
    });
  }
  return { acmeProjects: out.acme!.projectIds, boltProjects: out.bolt!.projectIds };
}

/** Rows and audit entries of an org: equal before/after means nothing was written. */
export async function tally(db: Db, orgId: string) {
  return withTenantOn(db, { orgId, userId: 'test' }, async (tx: Tx) => {
    const n = async (table: typeof inspections | typeof formSubmissions | typeof auditLog) =>
      (await tx.select({ n: count() }).from(table).where(eq(table.organizationId, orgId)))[0]!.n;
    return { inspections: await n(inspections), submissions: await n(formSubmissions), audit: await n(auditLog) };
  });
}

/** Audit entries about one entity, oldest first. */
export async function auditOf(db: Db, orgId: string, entityId: string) {
  return withTenantOn(db, { orgId, userId: 'test' }, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.createdAt, auditLog.id),
  );
}

/** A complete, valid EPA inspection form (lib/forms/default-templates.ts). */
export function completeEpaForm(overrides: Record<string, unknown> = {}) {
  const bmp = [
    'silt_fence',
    'inlet_protection',
    'construction_entrance',
    'sediment_basin',
    'stabilization',
    'slope_protection',
    'stockpiles',
    'washout',
    'waste',
  ];
  return {
    inspection_date: '2026-05-04',
    performed_by: { name: 'Carlos Cruz', title: 'Site foreman' },
    weather: 'Clear, 72°F',
    rain_gauge_inches: 0.3,
    discharge_occurring: 'no',
    bmp_results: Object.fromEntries(
      bmp.map((k) => [k, k === 'silt_fence' ? { result: 'fail', note: 'Down at NE corner' } : { result: 'pass' }]),
    ),
    conditions_requiring_action: 'Re-trench silt fence at NE corner',
    areas_not_inspected: 'North stockpile: flooded access road',
    ...overrides,
  };
}
