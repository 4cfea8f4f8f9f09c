import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { correctiveActions, inspections, projects, rainEvents, violations } from '../schema';
import type { Tx } from '../tenant';

/** Records that belong to one project, by their audit `entityType`. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OWNED = { inspection: inspections, rain_event: rainEvents, violation: violations } as const;

/**
 * The site zone (project's, `null` when the project has none) of each audited
 * record that belongs to a project: `"<entityType>:<entityId>"` → zone. Records
 * of other types, or gone, are absent (their times show in the org's zone).
 */
export async function projectZonesOf(
  tx: Tx,
  orgId: string,
  refs: { entityType: string; entityId: string }[],
): Promise<Record<string, string | null>> {
  // A plain object, not a Map: what it holds must show when a test prints it (tests/support/query-calls.ts).
  const zones: Record<string, string | null> = {};
  // Only well-formed ids reach the uuid columns: one odd audit row must not break the page.
  const ids = (type: string) => [
    ...new Set(refs.filter((r) => r.entityType === type && UUID.test(r.entityId)).map((r) => r.entityId)),
  ];
  const projectIds = ids('project');
  if (projectIds.length) {
    const rows = await tx
      .select({ id: projects.id, zone: projects.timeZone })
      .from(projects)
      .where(and(eq(projects.organizationId, orgId), inArray(projects.id, projectIds)));
    for (const r of rows) (zones[`project:${r.id}`] = r.zone);
  }
  for (const [type, table] of Object.entries(OWNED)) {
    const wanted = ids(type);
    if (!wanted.length) continue;
    const rows = await tx
      .select({ id: table.id, zone: projects.timeZone })
      .from(table)
      .innerJoin(projects, and(eq(projects.organizationId, table.organizationId), eq(projects.id, table.projectId)))
      .where(and(eq(table.organizationId, orgId), inArray(table.id, wanted)));
    for (const r of rows) (zones[`${type}:${r.id}`] = r.zone);
  }
  const actionIds = ids('corrective_action');
  if (actionIds.length) {
    const rows = await tx
      .select({ id: correctiveActions.id, zone: projects.timeZone })
      .from(correctiveActions)
      .innerJoin(
        violations,
        and(eq(violations.organizationId, correctiveActions.organizationId), eq(violations.id, correctiveActions.violationId)),
      )
      .innerJoin(projects, and(eq(projects.organizationId, violations.organizationId), eq(projects.id, violations.projectId)))
      .where(and(eq(correctiveActions.organizationId, orgId), inArray(correctiveActions.id, actionIds)));
    for (const r of rows) (zones[`corrective_action:${r.id}`] = r.zone);
  }
  return zones;
}
