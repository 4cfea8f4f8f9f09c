import 'server-only';
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import { legalHolds, projects, purgeReports, type PurgeReportSummary } from '../schema';
import type { Tx } from '../tenant';
import type { Actor } from './audit';

export type LegalHold = typeof legalHolds.$inferSelect;
export type PurgeReport = typeof purgeReports.$inferSelect;

/** The org's holds, in force and released, newest first (the retention page). */
export async function listLegalHolds(tx: Tx, orgId: string, limit = 200): Promise<LegalHold[]> {
  return tx.select().from(legalHolds).where(eq(legalHolds.organizationId, orgId)).orderBy(desc(legalHolds.placedAt), desc(legalHolds.id)).limit(limit);
}

/** Holds in force that cover one project: on the org, or on that project. */
export async function holdsCoveringProject(tx: Tx, orgId: string, projectId: string): Promise<LegalHold[]> {
  return tx
    .select()
    .from(legalHolds)
    .where(and(eq(legalHolds.organizationId, orgId), isNull(legalHolds.releasedAt), or(isNull(legalHolds.projectId), eq(legalHolds.projectId, projectId))));
}

/** Every project's coverage facts, by name (the retention page's list and hold form). */
export async function projectRetentionRows(tx: Tx, orgId: string, limit = 500) {
  return tx
    .select({ id: projects.id, name: projects.name, status: projects.status, permitEnd: projects.permitEnd })
    .from(projects)
    .where(eq(projects.organizationId, orgId))
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(limit);
}

/** A new hold; a project id of another org fails the composite foreign key (organization_id, project_id). */
export async function placeLegalHold(tx: Tx, actor: Actor, hold: { projectId: string | null; reason: string }): Promise<LegalHold> {
  const [row] = await tx
    .insert(legalHolds)
    .values({ organizationId: actor.orgId, projectId: hold.projectId, reason: hold.reason, placedBy: actor.userId })
    .returning();
  return row!;
}

/** Release a hold in force; undefined when there is none of this org with that id (or it was released already). */
export async function releaseLegalHold(tx: Tx, actor: Actor, id: string): Promise<LegalHold | undefined> {
  const [row] = await tx
    .update(legalHolds)
    .set({ releasedAt: new Date(), releasedBy: actor.userId })
    .where(and(eq(legalHolds.organizationId, actor.orgId), eq(legalHolds.id, id), isNull(legalHolds.releasedAt)))
    .returning();
  return row;
}

export async function listPurgeReports(tx: Tx, orgId: string, limit = 50): Promise<PurgeReport[]> {
  return tx.select().from(purgeReports).where(eq(purgeReports.organizationId, orgId)).orderBy(desc(purgeReports.ranAt), desc(purgeReports.id)).limit(limit);
}

export async function insertPurgeReport(
  tx: Tx,
  actor: Actor,
  summary: { dryRun: boolean; counts: Record<string, number>; removed: PurgeReportSummary },
): Promise<PurgeReport> {
  const [row] = await tx
    .insert(purgeReports)
    .values({ organizationId: actor.orgId, dryRun: summary.dryRun, counts: summary.counts, removed: summary.removed, ranBy: actor.userId })
    .returning();
  return row!;
}
