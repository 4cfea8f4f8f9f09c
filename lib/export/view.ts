import type { DataExport } from '@/db/queries/exports';
import { EXPORT_INTERRUPTED_MESSAGE, EXPORT_STALE_AFTER_MS } from './policy';

type ExportState = 'queued' | 'running' | 'succeeded' | 'failed' | 'expired';

export interface ExportView {
  id: string;
  state: ExportState;
  /** 0–100: tables and files written over tables and files to write. */
  percent: number;
  tablesDone: number;
  tablesTotal: number;
  objectsDone: number;
  objectsTotal: number;
  rowsDone: number;
  bytes: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  /** The download route, only while the zip may be downloaded. */
  downloadHref: string | null;
}

/**
 * What an owner is shown. A running export whose heartbeat stopped is shown failed at once,
 * with the interrupted message (the row is written failed at the next start: a page read
 * writes nothing); an export past its expiry is no longer offered.
 */
export function exportView(row: DataExport, now = new Date()): ExportView {
  const stale = row.status === 'running' && (!row.heartbeatAt || now.getTime() - row.heartbeatAt.getTime() > EXPORT_STALE_AFTER_MS);
  const expired = row.status === 'succeeded' && (!row.expiresAt || row.expiresAt <= now);
  const state: ExportState = stale ? 'failed' : expired ? 'expired' : row.status;
  const total = row.tablesTotal + row.objectsTotal;
  const done = row.tablesDone + row.objectsDone;
  const percent = row.status === 'succeeded' ? 100 : total ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  return {
    id: row.id,
    state,
    percent,
    tablesDone: row.tablesDone,
    tablesTotal: row.tablesTotal,
    objectsDone: row.objectsDone,
    objectsTotal: row.objectsTotal,
    rowsDone: row.rowsDone,
    bytes: row.bytes,
    error: stale ? EXPORT_INTERRUPTED_MESSAGE : row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadHref: state === 'succeeded' ? `/api/v1/exports/${row.id}/file` : null,
  };
}
