import 'server-only';
import { boolean, date, foreignKey, index, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg } from './organizations';

export const inspectionScheduleEnum = pgEnum('inspection_schedule', ['every_7_days', 'every_14_days_and_storm']);
export const projectStatusEnum = pgEnum('project_status', ['active', 'completed', 'archived']);
export const rainSourceEnum = pgEnum('rain_source', ['manual', 'gauge', 'weather_service']);

/** A job site and its stormwater permit coverage. */
export const projects = pgTable(
  'projects',
  {
    ...tenantColumns(),
    name: text().notNull(),
    address: text().notNull().default(''),
    npdesPermitId: text(),
    permitStart: date(),
    permitEnd: date(),
    disturbedAcres: numeric({ precision: 10, scale: 2 }),
    receivingWater: text(),
    /** Impaired or Tier 2/3 waters tighten the inspection rules. */
    sensitiveWater: boolean().notNull().default(false),
    inspectionSchedule: inspectionScheduleEnum().notNull().default('every_7_days'),
    /**
     * The site's IANA time zone; null = the organization's (compliance_settings.timezone). Nullable
     * rather than backfilled: a backfill run as the owner sees no rows under FORCE RLS.
     */
    timeZone: text(),
    status: projectStatusEnum().notNull().default('active'),
    createdBy: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('projects_org_status_name_idx').on(t.organizationId, t.status, t.name),
    index('projects_org_created_idx').on(t.organizationId, t.createdAt.desc().nullsFirst()),
    belongsToOrg('projects_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

export const rainEvents = pgTable(
  'rain_events',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    amountInches: numeric({ precision: 5, scale: 2 }).notNull(),
    startedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    endedAt: timestamp({ withTimezone: true, precision: 3 }),
    source: rainSourceEnum().notNull().default('manual'),
    recordedBy: text().notNull(),
    /** Sent by the form/API client; a retried create with the same key finds this row (per tenant). */
    idempotencyKey: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'rain_events_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    index('rain_events_org_project_started_idx').on(t.organizationId, t.projectId, t.startedAt.desc().nullsFirst()),
    uniqueIndex('rain_events_org_idem_uq').on(t.organizationId, t.idempotencyKey),
    ...tenantPolicies(),
  ],
);

/** The QR code posted at a site: a secret token that opens the public, read-only inspector page. */
export const inspectorLinks = pgTable(
  'inspector_links',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text().notNull(),
    label: text(),
    createdBy: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('inspector_links_org_token_uq').on(t.organizationId, t.tokenHash),
    foreignKey({ name: 'inspector_links_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    ...tenantPolicies(),
  ],
);

