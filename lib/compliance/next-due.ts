/**
 * What "next due" shows (My work, the project page); how a deadline reads is
 * `formatDue` in lib/format/when.ts.
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
