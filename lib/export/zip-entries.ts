import 'server-only';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { ZipArchive } from 'archiver';
import { stringify } from 'csv-stringify/sync';

/**
 * Append one entry and wait until the zip has read all of it. Entries are written one after
 * the other, so waiting here is what keeps a single source open at a time (one S3 body, one
 * cursor); a failing source or archive rejects instead of waiting for ever.
 */
export function appendEntry(archive: ZipArchive, source: Readable | Buffer, data: { name: string; store?: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      archive.off('entry', onEntry);
      archive.off('error', done);
      if (!Buffer.isBuffer(source)) source.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onEntry = () => done();
    archive.on('entry', onEntry);
    archive.on('error', done);
    if (!Buffer.isBuffer(source)) source.on('error', done);
    archive.append(source, data);
  });
}

/**
 * A cell for the CSV: empty for null, JSON for objects and arrays, the text otherwise.
 * A value that starts with = + - @ (or a tab or carriage return) is prefixed with ' by
 * csv-stringify's escape_formulas, so a spreadsheet shows it instead of evaluating it.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function csvRows(columns: string[], rows: Record<string, unknown>[], header: boolean): string {
  return stringify(
    rows.map((r) => columns.map((c) => cell(r[c]))),
    { header, columns: header ? columns : undefined, escape_formulas: true, record_delimiter: 'windows' },
  );
}

/** Write with backpressure: wait for 'drain' when the file stream's buffer is full. */
export async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
