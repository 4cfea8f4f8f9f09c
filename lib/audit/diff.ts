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

/** camelCase / snake_case → "Found at". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One value as text. `asDate`: the schema says this field is a timestamp
 * (lib/audit/date-fields.ts); only then is it shown as a date, and a value that
 * does not parse as one is shown as stored. Never throws: one odd value must
 * not break the audit page.
 */
export function formatValue(value: unknown, timeZone: string, asDate = false): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (asDate) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) {
        try {
          return formatDateTime(at, timeZone);
        } catch {
          // An unknown time zone: fall through to the stored text.
        }
      }
    }
    const text = /^[a-z]+(_[a-z]+)+$/.test(value) ? value.replace(/_/g, ' ') : value;
    return text.length > 160 ? `${text.slice(0, 157)}…` : text;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 160 ? `${json.slice(0, 157)}…` : json;
}

/**
 * The audit writer stores only changed fields on both sides (db/queries/audit
 * diffRecords); a create stores the new row as `after` only. `dateFields`:
 * the entity's timestamp columns (auditDateFields).
 */
export function diffLines(before: unknown, after: unknown, timeZone: string, dateFields: ReadonlySet<string> = new Set()): DiffLine[] {
  const b = (before && typeof before === 'object' ? before : null) as Record<string, unknown> | null;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return keys.map((k) => ({
    field: fieldLabel(k),
    ...(b ? { from: formatValue(b[k], timeZone, dateFields.has(k)) } : {}),
    to: formatValue(a[k], timeZone, dateFields.has(k)),
  }));
}
