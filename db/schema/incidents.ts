import 'server-only';
import { check, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg } from './organizations';
import { projects } from './projects';

export const incidentCaseTypeEnum = pgEnum('incident_case_type', ['injury', 'illness']);
/** lib/compliance/osha/incident-clocks.ts INCIDENT_OUTCOMES: what decides the 29 CFR 1904.39 clock. */
export const incidentOutcomeEnum = pgEnum('incident_outcome', ['fatality', 'inpatient_hospitalization', 'amputation', 'loss_of_eye', 'other_recordable']);

/**
 * A work-related injury or illness at a site (OSHA 29 CFR Part 1904). The
 * clocks (report to OSHA, log entry, retention) are computed from these
 * instants by lib/compliance/osha; the row keeps only facts. The project's
 * foreign key does not cascade: an OSHA record outlives an archived site
 * (1904.33 retention).
 */
export const incidents = pgTable(
  'incidents',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    /** The OSHA 300 log's classification: an injury or an illness. */
    caseType: incidentCaseTypeEnum().notNull(),
    outcome: incidentOutcomeEnum().notNull(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** When the employer (or its agent or employee) learned of it: the 1904.39 clock starts here. */
    learnedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** When the death, hospitalization, amputation or loss of an eye happened, if later than the incident. */
    outcomeAt: timestamp({ withTimezone: true, precision: 3 }),
    description: text().notNull(),
    reportedAt: timestamp({ withTimezone: true, precision: 3 }),
    /** OSHA's reference for the report (phone call, online form), as the caller was given it. */
    reportReference: text(),
    reportedBy: text(),
    recordedBy: text().notNull(),
    /** Sent by the form; a retried create with the same key finds this row (per tenant). */
    idempotencyKey: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'incidents_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }),
    index('incidents_org_occurred_idx').on(t.organizationId, t.occurredAt.desc().nullsFirst()),
    index('incidents_org_project_idx').on(t.organizationId, t.projectId),
    uniqueIndex('incidents_org_idem_uq').on(t.organizationId, t.idempotencyKey),
    check('incidents_learned_after_ck', sql`${t.learnedAt} >= ${t.occurredAt}`),
    belongsToOrg('incidents_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);
