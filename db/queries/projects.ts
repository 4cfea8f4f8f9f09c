import 'server-only';
import { and, count, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { projects, projectSearchTrigrams as trigrams } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { olderThan, type Cursor } from './keyset';

export type Project = typeof projects.$inferSelect;
export type ProjectInput = Omit<typeof projects.$inferInsert, 'organizationId' | 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>;

export interface ProjectFilter {
  search?: string;
  status?: Project['status'];
  cursor?: Cursor;
  limit: number;
}

/** Escape LIKE wildcards so a search for "100%" means the text "100%". */
const likeTerm = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Projects whose indexed pieces include every piece of `term` (docs/search.md): a superset of the
 * ILIKE matches, found through the btree index of project_search_trigrams with text equality, which
 * is leakproof and so usable under RLS (ILIKE is not). Undefined for terms too short to have a piece.
 */
function trigramCandidates(orgId: string, term: string): SQL | undefined {
  if ([...term.toLowerCase()].length < 3) return undefined;
  const pieces = sql`public.search_trigrams(${term})`;
  return sql`(${projects.organizationId}, ${projects.id}) in (
    select ${trigrams.organizationId}, ${trigrams.projectId} from ${trigrams}
    where ${trigrams.organizationId} = ${orgId} and ${trigrams.trigram} = any(${pieces})
    group by ${trigrams.organizationId}, ${trigrams.projectId}
    having count(*) = cardinality(${pieces}))`;
}

/**
 * Newest first; returns limit + 1 rows (see lib/pagination toPage). The query itself (run when
 * awaited), so a test can EXPLAIN exactly what the app sends.
 */
export function listProjects(tx: Tx, orgId: string, f: ProjectFilter = { limit: 50 }) {
  const conds: (SQL | undefined)[] = [
    eq(projects.organizationId, orgId),
    f.status ? eq(projects.status, f.status) : undefined,
    f.search ? trigramCandidates(orgId, f.search) : undefined,
    // The candidates are rechecked with the match itself: the same rows as before the index.
    f.search
      ? or(ilike(projects.name, likeTerm(f.search)), ilike(projects.address, likeTerm(f.search)), ilike(projects.npdesPermitId, likeTerm(f.search)))
      : undefined,
    olderThan(projects, f.cursor),
  ];
  return tx
    .select()
    .from(projects)
    .where(and(...conds))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(f.limit + 1);
}

export async function getProject(tx: Tx, orgId: string, id: string): Promise<Project | undefined> {
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.id, id)))
    .limit(1);
  return row;
}

export async function createProject(tx: Tx, actor: Actor, values: ProjectInput): Promise<Project> {
  const [row] = await tx
    .insert(projects)
    .values({ ...values, organizationId: actor.orgId, createdBy: actor.userId })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'project', entityId: row!.id, after: row });
  return row!;
}

/** `undefined` when the id is not this tenant's (the caller answers 404). */
export async function updateProject(tx: Tx, actor: Actor, id: string, patch: Partial<ProjectInput>): Promise<Project | undefined> {
  const before = await getProject(tx, actor.orgId, id);
  if (!before) return undefined;
  const [after] = await tx
    .update(projects)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(projects.organizationId, actor.orgId), eq(projects.id, id)))
    .returning();
  const action = patch.status === 'archived' && before.status !== 'archived' ? 'archive' : 'update';
  await recordAudit(tx, actor, { action, entityType: 'project', entityId: id, before, after });
  return after;
}

/** Projects that count against the plan's limit: every one not archived. */
export async function countProjects(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), ne(projects.status, 'archived')));
  return row?.n ?? 0;
}
