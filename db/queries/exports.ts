import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { dataExports } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

/**
 * Organization data exports as requests see them (docs/export.md): start, read, list, and
 * fail the ones whose worker died. The job's own transitions of the row it was given are in
 * db/org-export.ts. Status changes are audited.
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

/** Running exports whose heartbeat stopped before `before`: their worker died. Each is failed with `error`, audited. */
export async function failStaleExports(tx: Tx, actor: Actor, heartbeatBefore: Date, error: string): Promise<DataExport[]> {
  const rows = await tx
    .update(dataExports)
    .set({ status: 'failed', error, finishedAt: sql`now()`, updatedAt: new Date() })
    .where(and(eq(dataExports.organizationId, actor.orgId), eq(dataExports.status, 'running'), lt(dataExports.heartbeatAt, heartbeatBefore)))
    .returning();
  for (const row of rows) {
    await recordAudit(tx, actor, { action: 'run_export', entityType: 'data_export', entityId: row.id, before: { status: 'running' }, after: { status: 'failed', error } });
  }
  return rows;
}
