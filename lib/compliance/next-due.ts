/**
 * What "next due" shows (My work, the project page) and how a deadline reads.
 * The deadlines themselves are the stored obligations (db/schema/obligations.ts),
 * recomputed by the CGP engine inside the door on every write that changes them.
 */

export interface NextDue {
  kind: 'routine_inspection' | 'storm_inspection' | 'snowmelt_inspection';
  dueAt: Date;
  opensAt: Date;
  /** "CGP 2022 Part 4.2.1" */
  part: string;
  why: string;
  status: 'upcoming' | 'overdue';
  /** Due on the site's current local day (or already overdue): "due today" on My work. */
  dueToday: boolean;
}

/**
 * A deadline as a person reads it: the engine's "by the end of day D" is the
 * instant of the next local midnight, which would print as "12:00 AM" of the
 * day after; it reads "Nov 23, 2026, end of day EST" instead.
 */
export function formatDue(dueAt: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(dueAt);
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  const day = (at: Date) => new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium' }).format(at);
  if (get('hour') === '00' && get('minute') === '00') return `${day(new Date(dueAt.getTime() - 1))}, end of day ${get('timeZoneName')}`;
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(dueAt);
  return `${day(dueAt)}, ${time}`;
}
