import 'server-only';
import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './_tenant';
import { projects } from './projects';

export const obligationKindEnum = pgEnum('obligation_kind', [
  'routine_inspection',
  'storm_inspection',
  'snowmelt_inspection',
  'inspection_report',
  'routine_maintenance',
  'corrective_action',
  'noncompliance_oral_report',
  'noncompliance_written_report',
]);
export const obligationMetByEnum = pgEnum('obligation_met_by', ['inspection', 'corrective_action']);

/**
 * The deadline engine's output (lib/compliance/engine), stored per project so
 * the dashboard, the calendar, "next due" and reminders read indexed rows
 * instead of recomputing every project of the tenant. Rewritten as a whole for
 * one project by lib/compliance/recompute-obligations.ts inside the write that
 * changed its inputs (docs/obligations.md). Status is not stored: "overdue"
 * changes with the clock, so readers derive it from `met_at` and `due_at`.
 */
export const projectObligations = pgTable(
  'project_obligations',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    kind: obligationKindEnum().notNull(),
    /** The permit part that makes it due, e.g. "CGP 2022 Part 4.2.2". */
    part: text().notNull(),
    /** "Why is this due?" in one sentence, times in the site's zone. */
    reason: text().notNull(),
    /** The record or event it comes from (storm, inspection, corrective action), when there is one. */
    sourceId: text(),
    opensAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    dueAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    metAt: timestamp({ withTimezone: true, precision: 3 }),
    metByKind: obligationMetByEnum(),
    /** The inspection or corrective action id that met it. */
    metById: text(),
    metLate: boolean().notNull().default(false),
    computedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'project_obligations_project_fk',
      columns: [t.organizationId, t.projectId],
      foreignColumns: [projects.organizationId, projects.id],
    }).onDelete('cascade'),
    // Due / overdue by date across the tenant: only open rows, the ones a dashboard or sweep asks about.
    index('project_obligations_org_open_due_idx').on(t.organizationId, t.dueAt).where(sql`${t.metAt} is null`),
    // The calendar of a date range (met rows included).
    index('project_obligations_org_due_idx').on(t.organizationId, t.dueAt),
    // One project's obligations (its calendar, "next due", the rewrite).
    index('project_obligations_org_project_due_idx').on(t.organizationId, t.projectId, t.dueAt),
    ...tenantPolicies(),
  ],
);
