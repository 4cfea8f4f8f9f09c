import 'server-only';
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './_tenant';
import { belongsToOrg } from './organizations';
import { projects } from './projects';

/**
 * A legal hold (docs/retention.md): while one is in force (released_at null) on the org
 * (project_id null) or on a project, the retention purge removes nothing it covers. The
 * database refuses to mark a held project purging (drizzle/0044 project_purge_rules), so
 * this is not only the planner's rule. A hold is released, never deleted: the row stays as
 * the record of who held what, when and why.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    ...tenantColumns(),
    /** Null: the whole organization is held. */
    projectId: uuid(),
    reason: text().notNull(),
    placedBy: text().notNull(),
    placedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    releasedAt: timestamp({ withTimezone: true, precision: 3 }),
    releasedBy: text(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'legal_holds_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    index('legal_holds_org_placed_idx').on(t.organizationId, t.placedAt.desc().nullsFirst()),
    check('legal_holds_release_ck', sql`(${t.releasedAt} is null) = (${t.releasedBy} is null)`),
    belongsToOrg('legal_holds_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

/**
 * What one run of the retention purge removed (or, in a dry run, would have removed):
 * counts per table and the ids of the projects and incidents that went, so an owner can
 * answer "where is project X" years later without the record itself.
 */
export const purgeReports = pgTable(
  'purge_reports',
  {
    ...tenantColumns(),
    ranAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    dryRun: boolean().notNull(),
    /** { table: rows } of what went (cascaded rows counted per table). */
    counts: jsonb().$type<Record<string, number>>().notNull(),
    /** { projects: [{ id, name, retainUntil }], incidents: [{ id, retainUntil }], objects: n, kept: [...] } */
    removed: jsonb().$type<PurgeReportSummary>().notNull(),
    ranBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('purge_reports_org_ran_idx').on(t.organizationId, t.ranAt.desc().nullsFirst()),
    belongsToOrg('purge_reports_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

export interface PurgeReportSummary {
  projects: { id: string; name: string; retainUntil: string }[];
  incidents: { id: string; projectId: string; retainUntil: string }[];
  objects: number;
  kept: { id: string; kind: 'project' | 'incident'; reason: string }[];
}
