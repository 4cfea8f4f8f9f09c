/**
 * A project's next inspection deadline, from the 2022 CGP engine
 * (lib/compliance/engine): the earliest inspection obligation not yet met,
 * with the sentence that says why and the permit part. Pure; the reads that
 * feed it are in lib/compliance/next-due-by-project.ts.
 */
import { computeObligations, type Obligation } from './engine';
import { addDays, localDate, type LocalDate } from './engine/calendar';

export interface DueProject {
  id: string;
  timeZone: string;
  schedule: 'every_7_days' | 'every_14_days_and_storm';
  sensitiveWater: boolean;
  /** Local date coverage starts (the permit start, else the day the project was created). */
  coverageStart: LocalDate;
}

export interface DueHistory {
  /** Completed (submitted or signed) inspections. */
  inspections: { id: string; at: Date }[];
  storms: { id: string; startedAt: Date; endedAt: Date | null; rainInches: number }[];
  rainThresholdInches: number;
}

export interface NextDue {
  kind: Obligation['kind'];
  dueAt: Date;
  opensAt: Date;
  /** "CGP 2022 Part 4.2.1" */
  part: string;
  why: string;
  status: 'upcoming' | 'overdue';
  /** Due on the site's current local day (or already overdue): "due today" on My work. */
  dueToday: boolean;
}

const INSPECTION_KINDS = new Set<Obligation['kind']>(['routine_inspection', 'storm_inspection', 'snowmelt_inspection']);

/**
 * How far back the engine reads. Older history cannot make the next deadline
 * earlier (the chain restarts at the window's first day, which is later than
 * any deadline counted from an older inspection), so this bounds the work.
 */
export const HISTORY_DAYS = 90;

/** The next inspection a project owes, or null when none is due (e.g. suspended for frozen ground). */
export function nextDueFor(project: DueProject, history: DueHistory, now = new Date()): NextDue | null {
  const windowStart = addDays(localDate(now, project.timeZone), -HISTORY_DAYS);
  const obligations = computeObligations({
    timeZone: project.timeZone,
    now,
    schedule: project.schedule,
    sensitiveWater: project.sensitiveWater,
    coverageStart: project.coverageStart > windowStart ? project.coverageStart : windowStart,
    rainThresholdInches: history.rainThresholdInches,
    snowThresholdInches: 3.25,
    business: { closedDays: [], observeUsFederalHolidays: false, closeOfBusinessMinutes: 17 * 60 },
    periods: [],
    storms: history.storms.map((s) => ({ id: s.id, startedAt: s.startedAt, endedAt: s.endedAt ?? s.startedAt, rainInches: s.rainInches })),
    snowmelts: [],
    inspections: history.inspections.map((i) => ({ id: i.id, at: i.at, reportCompletedAt: i.at })),
    findings: [],
    noncompliance: [],
  });
  const open = obligations.find((o) => INSPECTION_KINDS.has(o.kind) && (o.status === 'upcoming' || o.status === 'overdue'));
  if (!open) return null;
  const status = open.status as NextDue['status'];
  const today = localDate(now, project.timeZone);
  return {
    kind: open.kind,
    dueAt: open.dueAt,
    opensAt: open.opensAt,
    part: open.part,
    why: open.why,
    status,
    // dueAt is the end of a local day (an instant at the next midnight): the day before it.
    dueToday: status === 'overdue' || localDate(new Date(open.dueAt.getTime() - 1), project.timeZone) <= today,
  };
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
