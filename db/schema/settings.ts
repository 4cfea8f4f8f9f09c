import 'server-only';
import { boolean, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg } from './organizations';

export const templateKindEnum = pgEnum('template_kind', ['epa', 'osha', 'custom']);
export const severityEnum = pgEnum('severity', ['low', 'medium', 'high', 'critical']);

/** One row per organization: the knobs of its compliance rules. */
export const complianceSettings = pgTable(
  'compliance_settings',
  {
    organizationId: text().notNull().primaryKey(),
    rainThresholdInches: numeric({ precision: 5, scale: 2 }).notNull().default('0.25'),
    inspectionDeadlineHours: integer().notNull().default(24),
    retentionYears: integer().notNull().default(3),
    timezone: text().notNull().default('America/New_York'),
    /** Security alerts fire on access outside these hours (local time, 0–23). */
    businessHoursStart: integer().notNull().default(5),
    businessHoursEnd: integer().notNull().default(21),
    ...timestamps(),
  },
  (t) => [belongsToOrg('compliance_settings_org_fk', t.organizationId), ...tenantPolicies()],
);

export const bmpCategories = pgTable(
  'bmp_categories',
  {
    ...tenantColumns(),
    key: text().notNull(),
    name: text().notNull(),
    description: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('bmp_categories_org_key_uq').on(t.organizationId, t.key),
    belongsToOrg('bmp_categories_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

export const violationTypes = pgTable(
  'violation_types',
  {
    ...tenantColumns(),
    key: text().notNull(),
    name: text().notNull(),
    severity: severityEnum().notNull().default('medium'),
    /** Days allowed to fix, used to default a violation's deadline. */
    defaultDeadlineDays: integer().notNull().default(7),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('violation_types_org_key_uq').on(t.organizationId, t.key),
    belongsToOrg('violation_types_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

/** Versioned: a new version is a new row; submissions point at the exact row they were made from. */
export const formTemplates = pgTable(
  'form_templates',
  {
    ...tenantColumns(),
    key: text().notNull(),
    version: integer().notNull().default(1),
    name: text().notNull(),
    kind: templateKindEnum().notNull(),
    /** JSON schema of the form's fields. */
    schema: jsonb().notNull(),
    isCurrent: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('form_templates_org_key_version_uq').on(t.organizationId, t.key, t.version),
    belongsToOrg('form_templates_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);
