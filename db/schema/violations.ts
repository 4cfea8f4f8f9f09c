import 'server-only';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { inspectorOrg, inspectorScope, publicReadPolicy, tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { inspections } from './inspections';
import { belongsToOrg } from './organizations';
import { projects } from './projects';
import { bmpCategories, violationTypes } from './settings';

/**
 * `reported`: a finding a crew member recorded, not yet reviewed; a superintendent confirms it
 * (→ open, with a corrective action and deadline) or dismisses it (→ dismissed, with a reason).
 */
export const violationStatusEnum = pgEnum('violation_status', ['reported', 'open', 'in_progress', 'fixed', 'verified', 'dismissed']);
export const actionStatusEnum = pgEnum('corrective_action_status', ['open', 'in_progress', 'fixed', 'verified']);
/**
 * Which CGP clock a work item runs on: routine maintenance of a BMP that still works is due by the close of
 * the next business day (Part 2.1.4); a corrective action (Part 5.1 conditions) within 7 calendar days (Part 5.2.2).
 */
export const actionKindEnum = pgEnum('corrective_action_kind', ['corrective_action', 'routine_maintenance']);

export const violations = pgTable(
  'violations',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    inspectionId: uuid(),
    violationTypeId: uuid().notNull(),
    bmpCategoryId: uuid(),
    description: text().notNull(),
    location: text(),
    foundAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deadline: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    status: violationStatusEnum().notNull().default('open'),
    foundBy: text().notNull(),
    /** Who confirmed or dismissed a reported finding, and when (null for violations recorded as open). */
    reviewedBy: text(),
    reviewedAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Why a reported finding was dismissed (required then). */
    dismissedReason: text(),
    /** Sent by the form/API client; a retried create with the same key finds this row (per tenant). */
    idempotencyKey: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'violations_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    foreignKey({ name: 'violations_inspection_fk', columns: [t.organizationId, t.inspectionId], foreignColumns: [inspections.organizationId, inspections.id] }),
    foreignKey({ name: 'violations_type_fk', columns: [t.organizationId, t.violationTypeId], foreignColumns: [violationTypes.organizationId, violationTypes.id] }),
    foreignKey({ name: 'violations_bmp_fk', columns: [t.organizationId, t.bmpCategoryId], foreignColumns: [bmpCategories.organizationId, bmpCategories.id] }),
    index('violations_org_status_deadline_idx').on(t.organizationId, t.status, t.deadline),
    index('violations_org_project_idx').on(t.organizationId, t.projectId),
    uniqueIndex('violations_org_idem_uq').on(t.organizationId, t.idempotencyKey),
    belongsToOrg('violations_org_fk', t.organizationId),
    ...tenantPolicies(),
    // Public: only what a published inspection found (the inspections policy admits only published rows),
    // never a crew's unreviewed finding or one dismissed as not a violation — enforced here, not only by
    // the page's query (db/queries/public-page.ts).
    publicReadPolicy(
      sql`status not in ('reported', 'dismissed') and (organization_id, project_id) in ${inspectorScope} and exists (select 1 from inspections i where i.organization_id = violations.organization_id and i.id = violations.inspection_id)`,
    ),
  ],
);

/** Each step records who moved it and when: open → in progress → fixed → verified. */
export const correctiveActions = pgTable(
  'corrective_actions',
  {
    ...tenantColumns(),
    violationId: uuid().notNull(),
    kind: actionKindEnum().notNull().default('corrective_action'),
    description: text().notNull(),
    assignedTo: text(),
    dueAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    status: actionStatusEnum().notNull().default('open'),
    startedAt: timestamp({ withTimezone: true, precision: 3 }),
    startedBy: text(),
    fixedAt: timestamp({ withTimezone: true, precision: 3 }),
    fixedBy: text(),
    verifiedAt: timestamp({ withTimezone: true, precision: 3 }),
    verifiedBy: text(),
    createdBy: text().notNull(),
    /** Sent by the form; a retried add with the same key finds this row (per tenant). */
    idempotencyKey: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'corrective_actions_violation_fk', columns: [t.organizationId, t.violationId], foreignColumns: [violations.organizationId, violations.id] }).onDelete('cascade'),
    index('corrective_actions_org_status_due_idx').on(t.organizationId, t.status, t.dueAt),
    uniqueIndex('corrective_actions_org_idem_uq').on(t.organizationId, t.idempotencyKey),
    ...tenantPolicies(),
    // Public: actions of a violation the public may see (the violations policy decides which).
    publicReadPolicy(
      sql`organization_id in ${inspectorOrg} and exists (select 1 from violations v where v.organization_id = corrective_actions.organization_id and v.id = corrective_actions.violation_id)`,
    ),
  ],
);
