import { formatDateTime } from '@/lib/format/when';

/** One changed field of an audit entry, ready to read: "Status: Open → In progress". */
export interface DiffLine {
  field: string;
  /** Absent for a created record (there was nothing before). */
  from?: string;
  to: string;
}

/** Bookkeeping columns that say nothing to a reader of the log. */
const HIDDEN = new Set(['organizationId', 'id', 'createdAt', 'updatedAt']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** camelCase / snake_case → "Found at". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatValue(value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (ISO.test(value)) return formatDateTime(new Date(value), timeZone);
    const text = /^[a-z]+(_[a-z]+)+$/.test(value) ? value.replace(/_/g, ' ') : value;
    return text.length > 160 ? `${text.slice(0, 157)}…` : text;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value);
  return json.length > 160 ? `${json.slice(0, 157)}…` : json;
}

/**
 * The audit writer stores only changed fields on both sides (db/queries/audit
 * diffRecords); a create stores the new row as `after` only.
 */
export function diffLines(before: unknown, after: unknown, timeZone: string): DiffLine[] {
  const b = (before && typeof before === 'object' ? before : null) as Record<string, unknown> | null;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return keys.map((k) => ({
    field: fieldLabel(k),
    ...(b ? { from: formatValue(b[k], timeZone) } : {}),
    to: formatValue(a[k], timeZone),
  }));
}
