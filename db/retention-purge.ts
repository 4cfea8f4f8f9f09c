import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { tenantTablesInDeleteOrder } from './tenant-catalog';
import { complianceSettings, documents, incidents, legalHolds, photos, projects } from './schema';
import type { Tx } from './tenant';

/**
 * The retention purge at the database (docs/retention.md). Every function runs inside the door
 * (withTenant for the org being purged), so RLS bounds each statement to that org as well as the
 * explicit organization_id filters. Not in db/queries/: like db/org-deletion.ts, the project walk
 * follows the catalog rather than one entity, and its isolation is proven by
 * lib/retention/run-purge.int.test.ts (another org's rows and objects untouched).
 */

export interface PurgeFacts {
  retentionYears: number;
  orgHeld: boolean;
  heldProjectIds: Set<string>;
  projects: { id: string; name: string; status: 'active' | 'completed' | 'archived'; permitEnd: string | null }[];
  incidents: { id: string; projectId: string; occurredAt: Date; timeZone: string }[];
}

/** What the planner needs: every project's coverage facts, every incident, the holds in force. */
export async function purgeFacts(tx: Tx, orgId: string): Promise<PurgeFacts> {
  const [settings] = await tx.select({ years: complianceSettings.retentionYears, tz: complianceSettings.timezone }).from(complianceSettings).where(eq(complianceSettings.organizationId, orgId));
  const holds = await tx.select({ projectId: legalHolds.projectId }).from(legalHolds).where(and(eq(legalHolds.organizationId, orgId), sql`${legalHolds.releasedAt} is null`));
  const projectRows = await tx
    .select({ id: projects.id, name: projects.name, status: projects.status, permitEnd: projects.permitEnd })
    .from(projects)
    .where(eq(projects.organizationId, orgId));
  const incidentRows = await tx
    .select({ id: incidents.id, projectId: incidents.projectId, occurredAt: incidents.occurredAt, timeZone: projects.timeZone })
    .from(incidents)
    .innerJoin(projects, and(eq(projects.organizationId, incidents.organizationId), eq(projects.id, incidents.projectId)))
    .where(eq(incidents.organizationId, orgId));
  const orgZone = settings?.tz ?? 'America/New_York';
  return {
    retentionYears: settings?.years ?? 3,
    orgHeld: holds.some((h) => h.projectId === null),
    heldProjectIds: new Set(holds.map((h) => h.projectId).filter((p): p is string => p !== null)),
    projects: projectRows,
    incidents: incidentRows.map((i) => ({ ...i, timeZone: i.timeZone ?? orgZone })),
  };
}

/** The S3 keys of a project's files (photos, their thumbnails, documents), to delete with its rows. */
export async function projectObjectKeys(tx: Tx, orgId: string, projectId: string): Promise<{ photos: string[]; documents: string[] }> {
  const p = await tx.select({ key: photos.storageKey, thumb: photos.thumbnailKey }).from(photos).where(and(eq(photos.organizationId, orgId), eq(photos.projectId, projectId)));
  const d = await tx.select({ key: documents.storageKey }).from(documents).where(and(eq(documents.organizationId, orgId), eq(documents.projectId, projectId)));
  return { photos: p.flatMap((r) => (r.thumb ? [r.key, r.thumb] : [r.key])), documents: d.map((r) => r.key) };
}

/** OSHA records are purged on their own rule (lib/retention/plan-purge.ts), never with their project's walk. */
const NOT_WITH_PROJECT = new Set(['incidents', 'projects']);

/**
 * Mark the project purging — the database refuses unless it is past retention and not held
 * (drizzle/0044 project_purge_rules) — then delete its rows table by table, children first,
 * from the catalog (every tenant table with a project_id column; a new one is covered with no
 * code change), then the project itself. Rows per table; undefined when the project is gone.
 * A remaining incident makes the last delete fail its foreign key: the project stays.
 */
export async function purgeProject(tx: Tx, orgId: string, projectId: string): Promise<Record<string, number> | undefined> {
  const [marked] = await tx
    .update(projects)
    .set({ purgeStartedAt: sql`now()` })
    .where(and(eq(projects.organizationId, orgId), eq(projects.id, projectId)))
    .returning({ id: projects.id });
  if (!marked) return undefined;
  const withProject = new Set(
    ((await tx.execute<{ name: string }>(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'project_id' and not a.attisdropped)`)) as unknown as { name: string }[]).map((r) => r.name),
  );
  const counts: Record<string, number> = {};
  for (const table of await tenantTablesInDeleteOrder(tx)) {
    if (!withProject.has(table) || NOT_WITH_PROJECT.has(table)) continue;
    const res = await tx.execute(sql`delete from ${sql.identifier(table)} where organization_id = ${orgId} and project_id = ${projectId}`);
    const n = (res as unknown as { count: number }).count;
    if (n) counts[table] = n;
  }
  const gone = await tx
    .delete(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.id, projectId), isNotNull(projects.purgeStartedAt)))
    .returning({ id: projects.id });
  counts.projects = gone.length;
  return counts;
}

export async function deleteIncident(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const gone = await tx.delete(incidents).where(and(eq(incidents.organizationId, orgId), eq(incidents.id, id))).returning({ id: incidents.id });
  return gone.length > 0;
}
