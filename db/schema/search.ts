import 'server-only';
import { foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './_tenant';
import { projects } from './projects';

/**
 * The search index of projects (docs/search.md): one row per distinct
 * three-character piece of a project's lower-cased name, address and NPDES
 * permit id. Written only by the trigger `projects_search_trigrams`
 * (drizzle/ migration `project_search`), never by app code.
 *
 * Why a table and not a pg_trgm GIN index: ILIKE (and pg_trgm's operators)
 * are not leakproof, so under RLS PostgreSQL may not evaluate them inside an
 * index scan before the tenant policy; text equality is leakproof, so
 * `trigram = any(…)` on this table's btree index is an index scan for
 * brave_app, and the project rows it finds are rechecked with the same
 * ILIKE as before (identical results).
 */
export const projectSearchTrigrams = pgTable(
  'project_search_trigrams',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    trigram: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('project_search_trigrams_org_trigram_project_uq').on(t.organizationId, t.trigram, t.projectId),
    index('project_search_trigrams_org_project_idx').on(t.organizationId, t.projectId),
    foreignKey({
      name: 'project_search_trigrams_project_fk',
      columns: [t.organizationId, t.projectId],
      foreignColumns: [projects.organizationId, projects.id],
    }).onDelete('cascade'),
    ...tenantPolicies(),
  ],
);
