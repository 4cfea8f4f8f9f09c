/**
 * Calendar arithmetic in a site's time zone. The permit's calendar-day rules
 * ("every 7 calendar days", "by the close of the next business day") count
 * local dates, so they are done on `YYYY-MM-DD` strings and only turned into
 * instants at the end; its hour rules ("within 24 hours") are elapsed time and
 * never come here. Zone offsets come from the runtime's IANA database (Intl),
 * the same source as lib/format/when.ts, so the dates agree with what the app prints.
 */

export type LocalDate = string; // YYYY-MM-DD

const DAY = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per zone and use.
const formats = new Map<string, Intl.DateTimeFormat>();
export function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = make()));
  return f;
}

/** The local calendar date of instant `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): LocalDate {
  // en-CA formats as YYYY-MM-DD.
  return formatter(`date:${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);
}

export function addDays(day: LocalDate, n: number): LocalDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** `day` plus `n` calendar months, clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: LocalDate, n: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: LocalDate): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

function offsetAt(at: number, timeZone: string): number {
  const name =
    formatter(`offset:${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }))
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/**
 * The instant local wall time `minutes` after midnight on `day` happens in
 * `timeZone`. A wall time skipped by a spring-forward change resolves to the
 * instant after the gap (the clock reads one hour later), never before it.
 */
export function zonedInstant(day: LocalDate, minutes: number, timeZone: string): Date {
  // A pure function of its arguments (the runtime's zone data doesn't change while it runs), and a
  // page asks for the same few boundaries again and again: one site's week for each of 50 sites.
  const key = `${timeZone}|${day}|${minutes}`;
  let at = instants.get(key);
  if (at === undefined) {
    const wall = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
    const guess = wall - offsetAt(wall, timeZone);
    const fixed = wall - offsetAt(guess, timeZone);
    at = fixed === guess ? guess : Math.max(guess, fixed);
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    instants.set(key, at);
  }
  return new Date(at);
}
const instants = new Map<string, number>();
const INSTANTS_KEPT = 20_000;

/** The first instant after local day `day` ends: a deadline "by the end of `day`" is any time before it. */
export function endOfDay(day: LocalDate, timeZone: string): Date {
  return zonedInstant(addDays(day, 1), 0, timeZone);
}
