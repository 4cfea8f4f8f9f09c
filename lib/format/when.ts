/**
 * THE time helper: instants are stored in UTC; every time shown is in the
 * site's zone (the project's, else the organization's) with its abbreviation,
 * rendered on the server so every phone shows the same thing whatever its own
 * zone; every `datetime-local` value is read and written in that zone too
 * (`zonedInputToInstant`, `instantToZonedInput`), never the phone's.
 */

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per zone and use
// (the compliance engine formats every obligation's reason through this file).
const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, timeZone: string, options: Intl.DateTimeFormatOptions, locale = 'en-US'): Intl.DateTimeFormat {
  const k = `${key}:${timeZone}`;
  let f = formats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formats.set(k, f);
  }
  return f;
}

/** "May 4, 2026, 7:30 AM CDT" */
export function formatDateTime(at: Date, timeZone: string): string {
  return `${fmt('date', timeZone, { dateStyle: 'medium' }).format(at)}, ${formatTime(at, timeZone)}`;
}

/** "7:30 AM CDT" */
export function formatTime(at: Date, timeZone: string): string {
  return fmt('time', timeZone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
}

/**
 * A deadline as a person reads it: the compliance engine's "by the end of day D"
 * is the instant of the next local midnight, which would print as "12:00 AM" of
 * the day after; it reads "Nov 23, 2026, end of day EST" instead.
 */
export function formatDue(dueAt: Date, timeZone: string): string {
  const parts = fmt('hm', timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(dueAt);
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  if (get('hour') === '00' && get('minute') === '00') {
    const day = new Date(dueAt.getTime() - 1);
    return `${fmt('date', timeZone, { dateStyle: 'medium' }).format(day)}, end of day ${zoneAbbreviation(day, timeZone)}`;
  }
  return formatDateTime(dueAt, timeZone);
}

/** "Mar 1, 2026" for a calendar date column (`YYYY-MM-DD`): a date, not an instant, so no zone conversion. */
export function formatCalendarDate(iso: string): string {
  return fmt('calendar', 'UTC', { dateStyle: 'medium' }).format(new Date(`${iso}T12:00:00Z`));
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`: for a date input's value, a day filter. */
export function localDay(at: Date, timeZone: string): string {
  return fmt('day', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(at);
}

/** The hour (0–23) an instant falls on in `timeZone`: for business-hours checks on every signed-in request. */
export function localHour(at: Date, timeZone: string): number {
  return Number(fmt('hour', timeZone, { hour: 'numeric', hourCycle: 'h23' }).format(at));
}

/** The zone's abbreviation at an instant: "CDT", "CST", "GMT+9". */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  return fmt('abbr', timeZone, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "America/Chicago, CDT" — the zone as a label next to a time or a list of times. */
export function zoneName(timeZone: string, at = new Date()): string {
  return `${timeZone.replaceAll('_', ' ')}, ${zoneAbbreviation(at, timeZone)}`;
}

/** True for a zone name this runtime knows (IANA, e.g. "America/Chicago"). */
export function isTimeZone(name: string): boolean {
  let known = zoneNames.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    // A page asks about each of its sites' zones; the names come from stored rows, so keep a bounded few.
    if (zoneNames.size >= 1_000) zoneNames.clear();
    zoneNames.set(name, known);
  }
  return known;
}
const zoneNames = new Map<string, boolean>();

/** "May 4" (or "May 4, 2025" outside the current year). */
export function formatDay(at: Date, timeZone: string, now = new Date()): string {
  const year = fmt('year', timeZone, { year: 'numeric' });
  const sameYear = year.format(at) === year.format(now);
  return fmt(sameYear ? 'md' : 'mdy', timeZone, { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
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

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of `timeZone` at instant `at`, in milliseconds (east positive). */
function offsetAt(at: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
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

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** An instant → the `YYYY-MM-DDTHH:mm` a `datetime-local` input shows for it in `timeZone`. */
export function instantToZonedInput(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + offsetAt(at, timeZone));
  return local.toISOString().slice(0, 16);
}

/**
 * A `datetime-local` value typed at the site → the instant, in `timeZone`
 * (never the phone's). In the hour a spring-forward skips, the time is read
 * with the offset from before the change (2:30 → 3:30 daylight time); in the
 * repeated hour of a fall-back, the first (daylight) occurrence is taken.
 * `null` for anything that is not `YYYY-MM-DDTHH:mm`.
 */
export function zonedInputToInstant(value: string, timeZone: string): Date | null {
  const m = INPUT.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCDate() !== d) return null; // 2026-02-30
  // The zone's offsets a day either side (changes are months apart): a reading is valid when the
  // instant it gives really has that offset.
  const early = offsetAt(new Date(wall - 86_400_000), timeZone);
  const late = offsetAt(new Date(wall + 86_400_000), timeZone);
  const valid = [...new Set([early, late])]
    .map((o) => wall - o)
    .filter((t) => offsetAt(new Date(t), timeZone) === wall - t);
  // Two valid readings: a fall-back's repeated hour, take the first. None: a spring-forward gap.
  return new Date(valid.length ? Math.min(...valid) : wall - early);
}

/** "May 4, 2026, 7:30 AM EDT" (the public page's name for `formatDateTime`). */
export function formatDateTimeZone(at: Date, timeZone: string): string {
  return formatDateTime(at, timeZone);
}
