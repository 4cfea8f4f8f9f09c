import 'server-only';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { inspectorOrg, publicReadPolicy, tenantColumns, tenantPolicies, timestamps } from './_tenant';
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
    /**
     * Security alert thresholds (lib/security/alert-rules.ts): N events by one
     * user (or one IP) within M minutes raise an alert. Defaults: 5 misses by id
     * in 10 minutes is more than a stale bookmark or a double click, and 10
     * refusals in 15 minutes is more than a confused member clicking around.
     */
    breachAttemptThreshold: integer().notNull().default(5),
    breachAttemptWindowMinutes: integer().notNull().default(10),
    accessDeniedThreshold: integer().notNull().default(10),
    accessDeniedWindowMinutes: integer().notNull().default(15),
    /** Record and alert on access outside business hours (crews that work nights turn it off). */
    offHoursAlertsEnabled: boolean().notNull().default(true),
    /** A corrective action can be marked fixed only with a close-out photo (docs/storage.md). */
    fixedRequiresPhoto: boolean().notNull().default(false),
    /** A failed BMP in a submitted inspection needs a photo of that item, besides its note (lib/inspections/failed-bmps.ts). */
    failedBmpRequiresPhoto: boolean().notNull().default(false),
    /**
     * The business calendar of the deadline engine (docs/compliance.md, reading 6–7): weekdays the
     * company is closed, whether US federal holidays are closed, and the close of business.
     */
    closedDays: date().array().notNull().default(sql`'{}'::date[]`),
    observeUsFederalHolidays: boolean().notNull().default(false),
    closeOfBusinessMinutes: integer().notNull().default(17 * 60),
    /** Alerts whose last event is at or before this were reviewed by an owner/admin: no banner for them. */
    securityAlertsReviewedAt: timestamp({ withTimezone: true, precision: 3 }),
    ...timestamps(),
  },
  (t) => [
    belongsToOrg('compliance_settings_org_fk', t.organizationId),
    check('compliance_settings_close_of_business_ck', sql`${t.closeOfBusinessMinutes} between 0 and 1439`),
    check(
      'compliance_settings_business_hours_ck',
      sql`${t.businessHoursStart} between 0 and 23 and ${t.businessHoursEnd} between 0 and 23`,
    ),
    check(
      'compliance_settings_security_thresholds_ck',
      sql`${t.breachAttemptThreshold} between 1 and 1000 and ${t.breachAttemptWindowMinutes} between 1 and 1440 and ${t.accessDeniedThreshold} between 1 and 1000 and ${t.accessDeniedWindowMinutes} between 1 and 1440`,
    ),
    ...tenantPolicies(),
    publicReadPolicy(sql`organization_id in ${inspectorOrg}`),
  ],
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
    publicReadPolicy(sql`organization_id in ${inspectorOrg}`),
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
    publicReadPolicy(sql`organization_id in ${inspectorOrg}`),
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
