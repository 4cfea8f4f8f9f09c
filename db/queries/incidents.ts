import 'server-only';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { incidents, projects } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getProject } from './projects';

export type Incident = typeof incidents.$inferSelect;
export type IncidentInput = Pick<
  typeof incidents.$inferInsert,
  'projectId' | 'caseType' | 'outcome' | 'occurredAt' | 'learnedAt' | 'outcomeAt' | 'description'
>;

/** Newest incident first, with the project's name and zone (the clocks are shown in it). */
export async function listIncidents(tx: Tx, orgId: string, f: { projectId?: string; limit: number }) {
  const conds: (SQL | undefined)[] = [eq(incidents.organizationId, orgId), f.projectId ? eq(incidents.projectId, f.projectId) : undefined];
  return tx
    .select({ incident: incidents, projectName: projects.name, projectTimeZone: projects.timeZone })
    .from(incidents)
    .innerJoin(projects, and(eq(projects.organizationId, incidents.organizationId), eq(projects.id, incidents.projectId)))
    .where(and(...conds))
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(f.limit);
}

async function getIncident(tx: Tx, orgId: string, id: string): Promise<Incident | undefined> {
  const [row] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.organizationId, orgId), eq(incidents.id, id)))
    .limit(1);
  return row;
}

/**
 * `undefined` when the project is not this tenant's. A retried create with the
 * same `idempotencyKey` returns the first row and writes no second audit row.
 */
export async function createIncident(tx: Tx, actor: Actor, values: IncidentInput & { idempotencyKey?: string }): Promise<Incident | undefined> {
  if (!(await getProject(tx, actor.orgId, values.projectId))) return undefined;
  const [row] = await tx
    .insert(incidents)
    .values({ ...values, organizationId: actor.orgId, recordedBy: actor.userId })
    .onConflictDoNothing({ target: [incidents.organizationId, incidents.idempotencyKey] })
    .returning();
  if (!row) {
    const [first] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.organizationId, actor.orgId), eq(incidents.idempotencyKey, values.idempotencyKey!)))
      .limit(1);
    return first;
  }
  await recordAudit(tx, actor, { action: 'create', entityType: 'incident', entityId: row.id, after: row });
  return row;
}

/**
 * Records the report to OSHA (stops the 1904.39 clock). Only once: a second
 * report of the same incident is `conflict`; another tenant's id `not_found`.
 */
export async function markIncidentReported(
  tx: Tx,
  actor: Actor,
  id: string,
  report: { reportedAt: Date; reportReference?: string | null },
): Promise<{ ok: true; incident: Incident } | { ok: false; reason: 'not_found' | 'conflict' }> {
  const [after] = await tx
    .update(incidents)
    .set({ reportedAt: report.reportedAt, reportReference: report.reportReference ?? null, reportedBy: actor.userId, updatedAt: new Date() })
    .where(and(eq(incidents.organizationId, actor.orgId), eq(incidents.id, id), isNull(incidents.reportedAt)))
    .returning();
  if (!after) return { ok: false, reason: (await getIncident(tx, actor.orgId, id)) ? 'conflict' : 'not_found' };
  await recordAudit(tx, actor, { action: 'update', entityType: 'incident', entityId: id, before: { reportedAt: null }, after });
  return { ok: true, incident: after };
}
