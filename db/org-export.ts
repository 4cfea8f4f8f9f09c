import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from './queries/audit';
import type { DataExport } from './queries/exports';
import { dataExports } from './schema';
import { TABLE } from './tenant-catalog';
import type { Tx } from './tenant';

/**
 * The export job at the database (docs/export.md): its reads of the catalog and of every tenant
 * table, and its transitions of the one export row it was queued for. They run in the door
 * (withTenant for the org exported, as the job user): RLS bounds each statement to that org on
 * top of the explicit organization_id filter, and no request's input reaches them (the org and
 * the export id come from the job the start action queued). Not in db/queries/: they read
 * whatever table the catalog names, and lib/export/org-export.int.test.ts proves another
 * org's rows and export stay out and untouched. Status changes are audited; the progress
 * counters and the heartbeat are bookkeeping of a claimed row, and are not (an audit row per
 * hundred photos would drown the log).
 */

function checked(table: string): string {
  if (!TABLE.test(table)) throw new Error('not a table name from the catalog');
  return table;
}

/** The table's columns in their declared order: the CSV header. */
export async function tableColumns(tx: Tx, table: string): Promise<string[]> {
  const rows = (await tx.execute<{ name: string }>(sql`
    select a.attname as name from pg_attribute a
    where a.attrelid = ${`public.${checked(table)}`}::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum`)) as unknown as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * The org's rows of `table`, `batch` at a time, each as PostgreSQL's own JSON of the row
 * (to_jsonb: timestamps in ISO form, numerics exact, bytea as hex). A cursor of the caller's
 * transaction: memory holds one batch whatever the table's size, and the reads of one table
 * see one snapshot. The caller must consume it before its transaction ends.
 */
export async function* tenantRowBatches(tx: Tx, orgId: string, table: string, batch: number): AsyncGenerator<Record<string, unknown>[]> {
  const name = sql.identifier(`export_${checked(table)}`);
  await tx.execute(sql`declare ${name} no scroll cursor for select to_jsonb(t) as r from ${sql.identifier(table)} t where t.organization_id = ${orgId}`);
  try {
    for (;;) {
      const rows = (await tx.execute<{ r: Record<string, unknown> }>(sql`fetch forward ${sql.raw(String(Math.trunc(batch)))} from ${name}`)) as unknown as { r: Record<string, unknown> }[];
      if (!rows.length) return;
      yield rows.map((x) => x.r);
      if (rows.length < batch) return;
    }
  } finally {
    await tx.execute(sql`close ${name}`);
  }
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
