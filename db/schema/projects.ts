import 'server-only';
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { inspectorScope, publicReadPolicy, tenantColumns, tenantPolicies, timestamps } from './_tenant';
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
    /** The posted site notice (EPA 2022 CGP Part 1.5): who answers questions about the project. */
    noticeContactName: text(),
    noticeContactPhone: text(),
    /** Where the SWPPP can be read on site, or how to ask for a copy (Part 1.5). */
    swpppLocation: text(),
    /**
     * The SWPPP version the public QR page links, or null (not published). Set and cleared only by the
     * audited "show the current SWPPP" choice; a newer stored SWPPP version takes its place while it is
     * set (db/queries/files.ts markDocumentStored). No foreign key: documents already references
     * projects, and brave_public's documents policy admits only a stored SWPPP of this project.
     */
    publicSwpppDocumentId: uuid(),
    /**
     * The site's coordinates (WGS 84 degrees), for the weather provider's daily precipitation
     * (lib/weather). Null: no provider readings, only gauge entries.
     */
    latitude: numeric({ precision: 8, scale: 5 }),
    longitude: numeric({ precision: 8, scale: 5 }),
    /**
     * Set by the retention purge just before it deletes the project (lib/retention/run-purge.ts).
     * The database allows it only past retention and with no legal hold in force (drizzle/0044), and
     * only then lets signed inspections go with their project.
     */
    purgeStartedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdBy: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('projects_org_status_name_idx').on(t.organizationId, t.status, t.name),
    index('projects_org_created_idx').on(t.organizationId, t.createdAt.desc().nullsFirst()),
    belongsToOrg('projects_org_fk', t.organizationId),
    check('projects_coordinates_ck', sql`(${t.latitude} is null) = (${t.longitude} is null) and ${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`),
    ...tenantPolicies(),
    publicReadPolicy(sql`(organization_id, id) in ${inspectorScope}`),
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
    /** Snowfall of the day (weather provider readings only; inches). */
    snowfallInches: numeric({ precision: 5, scale: 2 }),
    recordedBy: text().notNull(),
    /** Sent by the form/API client; a retried create with the same key finds this row (per tenant). */
    idempotencyKey: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'rain_events_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    index('rain_events_org_project_started_idx').on(t.organizationId, t.projectId, t.startedAt.desc().nullsFirst()),
    // The tenant's rain by date (rain vs inspections chart), without visiting every project.
    index('rain_events_org_started_idx').on(t.organizationId, t.startedAt),
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
    // The QR page knows only the token: its lookup is by hash alone (one row; a cross-shard lookup on Citus).
    index('inspector_links_token_idx').on(t.tokenHash),
    index('inspector_links_org_project_idx').on(t.organizationId, t.projectId, t.createdAt.desc().nullsFirst()),
    foreignKey({ name: 'inspector_links_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    ...tenantPolicies(),
    // Only the row whose hash the transaction holds; revoked and expired rows too, so the page
    // does the same work for every wrong token (lib/inspect/resolve-link.ts).
    publicReadPolicy(sql`token_hash = (select current_setting('app.inspector_token', true))`),
  ],
);

/** One visit of the public page through a live link: shown to the org next to the link. */
export const inspectorLinkViews = pgTable(
  'inspector_link_views',
  {
    ...tenantColumns(),
    linkId: uuid().notNull(),
    viewedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** HMAC-SHA256 of the client IP (lib/inspect/client-fingerprint.ts): countable, not reversible. */
    ipHash: text().notNull(),
    userAgent: text(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'inspector_link_views_link_fk', columns: [t.organizationId, t.linkId], foreignColumns: [inspectorLinks.organizationId, inspectorLinks.id] }).onDelete('cascade'),
    index('inspector_link_views_org_link_idx').on(t.organizationId, t.linkId, t.viewedAt.desc().nullsFirst()),
    ...tenantPolicies(),
  ],
);

