import 'server-only';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { dataExports } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

/**
 * Organization data exports (docs/export.md). Status changes are audited; the progress
 * counters and the heartbeat are the job's bookkeeping of a row it already claimed, and
 * are not (an audit row per hundred photos would drown the log).
 */
export type DataExport = typeof dataExports.$inferSelect;

/**
 * A new queued export requested by the actor, audited; `undefined` when one is already queued
 * or running (the partial unique index data_exports_one_active_uq decides, not a racy read).
 */
export async function insertExport(tx: Tx, actor: Actor): Promise<DataExport | undefined> {
  const [row] = await tx.insert(dataExports).values({ organizationId: actor.orgId, requestedBy: actor.userId }).onConflictDoNothing().returning();
  if (row) await recordAudit(tx, actor, { action: 'request_export', entityType: 'data_export', entityId: row.id, after: { status: row.status } });
  return row;
}

export async function getExport(tx: Tx, orgId: string, id: string): Promise<DataExport | undefined> {
  const [row] = await tx.select().from(dataExports).where(and(eq(dataExports.organizationId, orgId), eq(dataExports.id, id))).limit(1);
  return row;
}

/** The org's exports, newest first. */
export async function listExports(tx: Tx, orgId: string, limit = 20): Promise<DataExport[]> {
  return tx.select().from(dataExports).where(eq(dataExports.organizationId, orgId)).orderBy(desc(dataExports.createdAt), desc(dataExports.id)).limit(limit);
}

/** queued → running, once: a second worker (or a retry after a crash) gets `undefined`. */
export async function claimExport(tx: Tx, actor: Actor, id: string, tablesTotal: number, objectsTotal: number): Promise<DataExport | undefined> {
  const [row] = await tx
    .update(dataExports)
    .set({ status: 'running', tablesTotal, objectsTotal, startedAt: sql`now()`, heartbeatAt: sql`now()`, updatedAt: new Date() })
    .where(and(eq(dataExports.organizationId, actor.orgId), eq(dataExports.id, id), eq(dataExports.status, 'queued')))
    .returning();
  if (row) await recordAudit(tx, actor, { action: 'run_export', entityType: 'data_export', entityId: id, before: { status: 'queued' }, after: { status: row.status } });
  return row;
}

/** Progress of a running export; also its heartbeat. False when it is no longer running (failed as stale meanwhile). */
export async function updateExportProgress(
  tx: Tx,
  orgId: string,
  id: string,
  progress: { tablesDone?: number; rowsDone?: number; objectsDone?: number },
): Promise<boolean> {
  const rows = await tx
    .update(dataExports)
    .set({ ...progress, heartbeatAt: sql`now()`, updatedAt: new Date() })
    .where(and(eq(dataExports.organizationId, orgId), eq(dataExports.id, id), eq(dataExports.status, 'running')))
    .returning({ id: dataExports.id });
  return rows.length > 0;
}

/** running → succeeded with its object, only after the upload completed. */
export async function finishExport(tx: Tx, actor: Actor, id: string, done: { objectKey: string; bytes: number; expiresAt: Date }): Promise<DataExport | undefined> {
  const [row] = await tx
    .update(dataExports)
    .set({ status: 'succeeded', ...done, finishedAt: sql`now()`, heartbeatAt: sql`now()`, updatedAt: new Date() })
    .where(and(eq(dataExports.organizationId, actor.orgId), eq(dataExports.id, id), eq(dataExports.status, 'running')))
    .returning();
  if (row) await recordAudit(tx, actor, { action: 'run_export', entityType: 'data_export', entityId: id, before: { status: 'running' }, after: { status: row.status, bytes: row.bytes } });
  return row;
}

/** queued/running → failed with a message the owner reads. */
export async function failExport(tx: Tx, actor: Actor, id: string, error: string): Promise<DataExport | undefined> {
  const [before] = await tx
    .select({ status: dataExports.status })
    .from(dataExports)
    .where(and(eq(dataExports.organizationId, actor.orgId), eq(dataExports.id, id)))
    .for('update');
  const [row] = await tx
    .update(dataExports)
    .set({ status: 'failed', error, finishedAt: sql`now()`, updatedAt: new Date() })
    .where(and(eq(dataExports.organizationId, actor.orgId), eq(dataExports.id, id), inArray(dataExports.status, ['queued', 'running'])))
    .returning();
  if (row) await recordAudit(tx, actor, { action: 'run_export', entityType: 'data_export', entityId: id, before: { status: before?.status }, after: { status: 'failed', error } });
  return row;
}

/** Running exports whose heartbeat stopped before `before`: their worker died. Each is failed with `error`, audited. */
export async function failStaleExports(tx: Tx, actor: Actor, before: Date, error: string): Promise<DataExport[]> {
  const rows = await tx
    .update(dataExports)
    .set({ status: 'failed', error, finishedAt: sql`now()`, updatedAt: new Date() })
    .where(and(eq(dataExports.organizationId, actor.orgId), eq(dataExports.status, 'running'), lt(dataExports.heartbeatAt, before)))
    .returning();
  for (const row of rows) {
    await recordAudit(tx, actor, { action: 'run_export', entityType: 'data_export', entityId: row.id, before: { status: 'running' }, after: { status: 'failed', error } });
  }
  return rows;
}
