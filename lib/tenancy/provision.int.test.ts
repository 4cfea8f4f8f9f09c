import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bmpCategories, complianceSettings, formTemplates, organizations, violationTypes } from '@/db/schema';
import { withTenantOn, type Tx } from '@/db/tenant';
import { testDatabase } from '@/tests/support/database';
import { tenantDefaults } from './defaults';
import { provisionTenantIn } from './provision';

const db = () => testDatabase.app({ max: 2 });

async function snapshot(tx: Tx, orgId: string) {
  const n = async (table: typeof bmpCategories | typeof violationTypes | typeof formTemplates) =>
    (await tx.select({ n: count() }).from(table).where(eq(table.organizationId, orgId)))[0]?.n ?? 0;
  const [org] = await tx.select().from(organizations).where(eq(organizations.organizationId, orgId));
  const [settings] = await tx.select().from(complianceSettings).where(eq(complianceSettings.organizationId, orgId));
  return { org, settings, bmp: await n(bmpCategories), violations: await n(violationTypes), templates: await n(formTemplates) };
}

describe('provisionTenantIn', () => {
  it('creates the tenant with its defaults: trial, 10 users, 0.25 in / 24 h, BMP categories, violation types, EPA/OSHA templates', async () => {
    const d = db();
    const orgId = 'org_prov_1';
    const result = await withTenantOn(d, { orgId, userId: 'system_test' }, (tx) => provisionTenantIn(tx, { orgId, name: 'Prov One', slug: 'prov-one' }));
    expect(result.created).toBe(true);
    const s = await withTenantOn(d, { orgId, userId: 'system_test' }, (tx) => snapshot(tx, orgId));
    expect(s.org).toMatchObject({ name: 'Prov One', plan: 'trial', userLimit: 10, active: true });
    expect(s.settings).toMatchObject({ rainThresholdInches: '0.25', inspectionDeadlineHours: 24, retentionYears: 3 });
    expect(s.bmp).toBe(3);
    expect(s.violations).toBe(tenantDefaults.violationTypes.length);
    expect(s.templates).toBe(3);
    const keys = await withTenantOn(d, { orgId, userId: 'system_test' }, (tx) =>
      tx.select({ key: formTemplates.key, kind: formTemplates.kind, version: formTemplates.version }).from(formTemplates).where(eq(formTemplates.organizationId, orgId)),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        { key: 'epa_cgp_inspection', kind: 'epa', version: 1 },
        { key: 'osha_daily', kind: 'osha', version: 1 },
        { key: 'osha_weekly', kind: 'osha', version: 1 },
      ]),
    );
  });

  it('is idempotent: running it again changes nothing', async () => {
    const d = db();
    const orgId = 'org_prov_2';
    const run = () => withTenantOn(d, { orgId, userId: 'system_test' }, (tx) => provisionTenantIn(tx, { orgId, name: 'Prov Two', slug: 'prov-two' }));
    await run();
    const before = await withTenantOn(d, { orgId, userId: 'system_test' }, (tx) => snapshot(tx, orgId));
    expect((await run()).created).toBe(false);
    const after = await withTenantOn(d, { orgId, userId: 'system_test' }, (tx) => snapshot(tx, orgId));
    expect(after).toEqual(before);
  });

  it('is atomic: a failure half-way leaves no trace of the tenant', async () => {
    const d = db();
    const orgId = 'org_prov_3';
    const broken = { ...tenantDefaults, formTemplates: [{ ...tenantDefaults.formTemplates[0]!, kind: 'not-a-kind' as 'epa' }] };
    await expect(
      withTenantOn(d, { orgId, userId: 'system_test' }, (tx) => provisionTenantIn(tx, { orgId, name: 'Prov Three', slug: 'prov-three' }, broken)),
    ).rejects.toThrow();
    const s = await withTenantOn(d, { orgId, userId: 'system_test' }, (tx) => snapshot(tx, orgId));
    expect(s).toEqual({ org: undefined, settings: undefined, bmp: 0, violations: 0, templates: 0 });
  });
});
