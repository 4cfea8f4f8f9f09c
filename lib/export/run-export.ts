import 'server-only';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import { claimExport, failExport, finishExport, tableColumns, tenantRowBatches, updateExportProgress } from '@/db/org-export';
import { getExport } from '@/db/queries/exports';
import { insertSecurityEvent } from '@/db/queries/security-events';
import { tenantTableNames } from '@/db/tenant-catalog';
import { withTenant } from '@/db/tenant';
import { JOB_USER } from '@/lib/jobs/queues';
import { isMissingObject } from '@/lib/storage/errors';
import { tenantRoot } from '@/lib/storage/keys';
import {
  EXPORT_BATCH_ROWS,
  EXPORT_FAILED_MESSAGE,
  EXPORT_HEARTBEAT_MS,
  EXPORT_INTERRUPTED_MESSAGE,
  EXPORT_PROGRESS_EVERY_OBJECTS,
  EXPORT_RETENTION_DAYS,
} from './policy';
import { exportKey, objectStream, tenantObjects, uploadExport } from './storage';
import { appendEntry, csvRows, writeChunk } from './zip-entries';

export type ExportOutcome =
  | { status: 'succeeded'; tables: number; rows: number; objects: number; bytes: number }
  | { status: 'failed'; error: string }
  | { status: 'not_queued' | 'interrupted' };

export interface ExportHooks {
  /** After each table is in the zip (tests and the fault test stop here). */
  afterTable?: (table: string) => Promise<void> | void;
  batchRows?: number;
}

/** The format of the zip (docs/export.md); bumped when a reader would have to change. */
const FORMAT_VERSION = 1;

type Job = { orgId: string; userId: string };

/**
 * The org's rows of one table into `tables/<name>.json` (one JSON array) and
 * `tables/<name>.csv`, from one cursor in one transaction: both files hold the same rows. The
 * JSON streams into the zip batch by batch; the CSV is spooled to a temporary file meanwhile
 * (zip entries are written one at a time) and follows. Returns the row count.
 */
async function exportTable(archive: ZipArchive, job: Job, table: string, batch: number, tmp: string): Promise<number> {
  return withTenant(job, async (tx) => {
    const columns = await tableColumns(tx, table);
    const csvPath = path.join(tmp, `${table}.csv`);
    const csv = createWriteStream(csvPath);
    let rows = 0;
    async function* json() {
      yield '[';
      for await (const page of tenantRowBatches(tx, job.orgId, table, batch)) {
        yield page.map((r, i) => `${rows + i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
        await writeChunk(csv, csvRows(columns, page, rows === 0));
        rows += page.length;
      }
      if (rows === 0) await writeChunk(csv, csvRows(columns, [], true));
      yield rows ? '\n]\n' : ']\n';
    }
    await appendEntry(archive, Readable.from(json(), { objectMode: false }), { name: `tables/${table}.json` });
    csv.end();
    await finished(csv);
    await appendEntry(archive, createReadStream(csvPath), { name: `tables/${table}.csv` });
    await rm(csvPath, { force: true });
    return rows;
  });
}

/**
 * The export job (docs/export.md): claims the queued export, writes one zip — every tenant
 * table as JSON and CSV, every stored file, a manifest — straight into a multipart upload, and
 * marks it succeeded with its key only once the upload completed. Everything runs through the
 * tenant door as the job user: RLS confines each read to the org, never BYPASSRLS.
 * Memory holds one batch of rows or one part of the upload, whatever the org's size.
 */
export async function runOrganizationExport(orgId: string, exportId: string, hooks: ExportHooks = {}): Promise<ExportOutcome> {
  const job = { orgId, userId: JOB_USER };
  const tables = await withTenant(job, (tx) => tenantTableNames(tx));
  let objectsTotal = 0;
  for await (const page of tenantObjects(orgId)) objectsTotal += page.length;

  const claimed = await withTenant(job, (tx) => claimExport(tx, job, exportId, tables.length, objectsTotal));
  if (!claimed) {
    // Already running means a run of it died and pg-boss retried: it can't be resumed mid-zip.
    const row = await withTenant(job, (tx) => getExport(tx, orgId, exportId));
    if (row?.status !== 'running') return { status: 'not_queued' };
    await withTenant(job, (tx) => failExport(tx, job, exportId, EXPORT_INTERRUPTED_MESSAGE));
    return { status: 'interrupted' };
  }

  let alive = true;
  const progress = (p: Parameters<typeof updateExportProgress>[3]) =>
    withTenant(job, (tx) => updateExportProgress(tx, orgId, exportId, p)).then((running) => {
      // Failed meanwhile (its heartbeat was judged stale): stop rather than finish a zip nobody may download.
      if (!running) alive = false;
    });
  const heartbeat = setInterval(() => void progress({}).catch(() => {}), EXPORT_HEARTBEAT_MS);
  heartbeat.unref();

  const archive = new ZipArchive({ zlib: { level: 6 } });
  const body = new PassThrough();
  archive.pipe(body);
  const upload = uploadExport(orgId, exportId, body);
  const uploaded = upload.done();
  uploaded.catch(() => {}); // awaited below; an early failure must not be an unhandled rejection meanwhile
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'brave-export-'));
  const counts: Record<string, number> = {};
  try {
    let rows = 0;
    for (const [i, table] of tables.entries()) {
      counts[table] = await exportTable(archive, job, table, hooks.batchRows ?? EXPORT_BATCH_ROWS, tmp);
      rows += counts[table];
      await progress({ tablesDone: i + 1, rowsDone: rows });
      if (!alive) throw new Error('export no longer running');
      await hooks.afterTable?.(table);
    }
    const root = tenantRoot(orgId);
    let objects = 0;
    let missing = 0;
    for await (const page of tenantObjects(orgId)) {
      for (const { key } of page) {
        try {
          await appendEntry(archive, await objectStream(orgId, key), { name: `files/${key.slice(root.length)}`, store: true });
          objects++;
        } catch (error) {
          // Deleted since it was listed (a pending upload expiring): not an error, but counted.
          if (!isMissingObject(error)) throw error;
          missing++;
        }
        if ((objects + missing) % EXPORT_PROGRESS_EVERY_OBJECTS === 0) await progress({ objectsDone: objects + missing });
        if (!alive) throw new Error('export no longer running');
      }
    }
    const manifest = { format: FORMAT_VERSION, organizationId: orgId, exportId, createdAt: new Date().toISOString(), tables: counts, files: objects, filesMissing: missing };
    await appendEntry(archive, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), { name: 'manifest.json' });
    await archive.finalize();
    await uploaded;
    const bytes = archive.pointer();
    const expiresAt = new Date(Date.now() + EXPORT_RETENTION_DAYS * 86_400_000);
    const done = await withTenant(job, async (tx) => {
      const row = await finishExport(tx, job, exportId, { objectKey: exportKey(orgId, exportId), bytes, expiresAt });
      if (row) {
        await insertSecurityEvent(tx, orgId, {
          kind: 'BULK_EXPORT',
          severity: 'info',
          userId: claimed.requestedBy,
          details: { what: 'organization', format: 'zip', rowCount: rows, fileCount: objects, exportId, bytes },
        });
      }
      return row;
    });
    if (!done) return { status: 'interrupted' };
    return { status: 'succeeded', tables: tables.length, rows, objects, bytes };
  } catch (error) {
    console.error(`[export] ${orgId}/${exportId} failed:`, error);
    archive.abort();
    body.destroy();
    await upload.abort().catch(() => {});
    await withTenant(job, (tx) => failExport(tx, job, exportId, EXPORT_FAILED_MESSAGE)).catch(() => {});
    return { status: 'failed', error: EXPORT_FAILED_MESSAGE };
  } finally {
    clearInterval(heartbeat);
    await rm(tmp, { recursive: true, force: true });
  }
}
