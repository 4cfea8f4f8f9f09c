import 'server-only';
import { and, eq, gte, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { complianceSettings, inspections, projects, rainEvents } from '../schema';
import type { Tx } from '../tenant';

/**
 * What the next-due rule (lib/compliance/next-due.ts) reads for the active
 * projects of a tenant (or one of them): schedule and site, completed
 * inspections and rain since `f.since` (default: the last 91 days), and the org's rain threshold and zone.
 */
export async function nextDueInputs(tx: Tx, orgId: string, f: { projectId?: string; since?: Date }) {
  const since = f.since ?? new Date(Date.now() - 91 * 86_400_000);
  const [settings] = await tx
    .select({ rainThresholdInches: complianceSettings.rainThresholdInches, timezone: complianceSettings.timezone })
    .from(complianceSettings)
    .where(eq(complianceSettings.organizationId, orgId));
  const scope = (col: typeof projects.id | typeof inspections.projectId | typeof rainEvents.projectId): SQL | undefined =>
    f.projectId ? eq(col, f.projectId) : undefined;
  const projectRows = await tx
    .select({
      id: projects.id,
      name: projects.name,
      schedule: projects.inspectionSchedule,
      sensitiveWater: projects.sensitiveWater,
      permitStart: projects.permitStart,
      createdAt: projects.createdAt,
      timeZone: projects.timeZone,
    })
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.status, 'active'), scope(projects.id)));
  const done = await tx
    .select({ id: inspections.id, projectId: inspections.projectId, at: inspections.inspectedAt })
    .from(inspections)
    .where(
      and(
        eq(inspections.organizationId, orgId),
        inArray(inspections.status, ['submitted', 'published']),
        isNotNull(inspections.inspectedAt),
        gte(inspections.inspectedAt, since),
        scope(inspections.projectId),
      ),
    );
  const rain = await tx
    .select({
      id: rainEvents.id,
      projectId: rainEvents.projectId,
      amountInches: rainEvents.amountInches,
      startedAt: rainEvents.startedAt,
      endedAt: rainEvents.endedAt,
    })
    .from(rainEvents)
    .where(and(eq(rainEvents.organizationId, orgId), gte(rainEvents.startedAt, since), scope(rainEvents.projectId)));
  return { settings, projects: projectRows, inspections: done, rain };
}
