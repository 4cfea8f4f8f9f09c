/**
 * Dates as crews read them, in the organization's time zone (compliance
 * settings), rendered on the server so every phone shows the same thing.
 */

/** "May 4, 2026, 7:30 AM" */
export function formatDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** "May 4" (or "May 4, 2025" outside the current year). */
export function formatDay(at: Date, timeZone: string, now = new Date()): string {
  const sameYear =
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at) ===
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now);
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/** "3 days" / "5 hours" / "less than an hour": the distance between two instants, for "overdue by …". */
export function formatDistance(from: Date, to: Date): string {
  const ms = Math.abs(to.getTime() - from.getTime());
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** The UTC offset of `timeZone` at instant `at`, in milliseconds (east positive). */
function offsetAt(at: Date, timeZone: string): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/** Midnight at the start of calendar day `YYYY-MM-DD` in `timeZone`, as an instant. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const first = utcMidnight - offsetAt(new Date(utcMidnight), timeZone);
  // Re-check at the found instant: right when a DST change falls between the two.
  return new Date(utcMidnight - offsetAt(new Date(first), timeZone));
}

/** A wall-clock time `YYYY-MM-DDTHH:mm:ss` (no zone, as cameras write EXIF) read in `timeZone`. */
export function wallTimeIn(wall: string, timeZone: string): Date {
  const asUtc = Date.parse(`${wall}Z`);
  const first = asUtc - offsetAt(new Date(asUtc), timeZone);
  return new Date(asUtc - offsetAt(new Date(first), timeZone));
}

/** "May 4, 2026, 7:30 AM EDT": with the zone's abbreviation, where a reader may be elsewhere. */
export function formatDateTimeZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}
