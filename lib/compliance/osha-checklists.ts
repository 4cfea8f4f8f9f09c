import { addDays, endOfDay, localDate, weekday, zonedInstant, type LocalDate } from './engine/calendar';

/**
 * When the OSHA checklists (lib/forms/default-templates.ts `osha_daily`,
 * `osha_weekly`) are due. Pure: the caller passes `now`, the site's zone, the
 * company's work week and the times checklists were completed.
 *
 * - Daily site safety: before work starts, every workday. OSHA's daily
 *   inspections are "prior to the start of work" for excavations
 *   (29 CFR 1926.651(k)(1)) and "before each work shift" for scaffolds
 *   (29 CFR 1926.451(f)(3)), both by a competent person (1926.32(f)); the
 *   checklist covers both, so its due time is the start of work that day.
 * - Weekly site inspection: OSHA sets no fixed frequency for the general site
 *   inspection ("frequent and regular inspections … by competent persons",
 *   29 CFR 1926.20(b)(2)); once per work week is the company's safety program
 *   (docs/compliance.md), due by the end of the week's last workday.
 */

export interface WorkWeek {
  /** Workdays, 0 = Sunday … 6 = Saturday (default Monday–Friday). */
  workdays: readonly number[];
  /** Start of work, minutes after local midnight (default 7:00). */
  startOfWorkMinutes: number;
}

const DEFAULT_WORK_WEEK: WorkWeek = { workdays: [1, 2, 3, 4, 5], startOfWorkMinutes: 7 * 60 };

type ChecklistStatus = 'met' | 'met_late' | 'due' | 'overdue';

export interface ChecklistDue {
  kind: 'osha_daily' | 'osha_weekly';
  /** The OSHA reference the rule relies on, or the company program where OSHA sets none. */
  reference: string;
  /** The local date the obligation belongs to (the workday; the week's Monday for the weekly one). */
  day: LocalDate;
  opensAt: Date;
  dueAt: Date;
  status: ChecklistStatus;
  metAt: Date | null;
}

const OSHA_DAILY_REFERENCE = '29 CFR 1926.651(k)(1), 1926.451(f)(3)';
const OSHA_WEEKLY_REFERENCE = "Company safety program (29 CFR 1926.20(b)(2) sets no fixed frequency)";

function statusOf(dueAt: Date, now: Date, metAt: Date | null): ChecklistStatus {
  if (metAt) return metAt.getTime() <= dueAt.getTime() ? 'met' : 'met_late';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'due';
}

/** The workday `now` falls on, else the next one (at most a week ahead). */
function currentOrNextWorkday(now: Date, timeZone: string, week: WorkWeek): LocalDate {
  let day = localDate(now, timeZone);
  for (let i = 0; i < 7 && !week.workdays.includes(weekday(day)); i++) day = addDays(day, 1);
  return day;
}

/** When a checklist is due, and the span in which a completed one meets it. */
interface Window {
  day: LocalDate;
  opensAt: Date;
  dueAt: Date;
  /** A checklist completed from opensAt up to (not including) this instant meets it. */
  closesAt: Date;
}

/**
 * The daily checklist that matters at `now`: today's if today is a workday
 * (due at the start of work; met by a checklist completed that local day),
 * else the next workday's. A checklist completed the evening before does not
 * count: the inspection is of the day's conditions, so it opens at local midnight.
 */
function dailyWindow(now: Date, timeZone: string, week: WorkWeek): Window {
  const day = currentOrNextWorkday(now, timeZone, week);
  return {
    day,
    opensAt: zonedInstant(day, 0, timeZone),
    dueAt: zonedInstant(day, week.startOfWorkMinutes, timeZone),
    closesAt: endOfDay(day, timeZone),
  };
}

/**
 * The weekly checklist of the local week (Monday–Sunday) `now` falls in: due
 * by the end of that week's last workday; any checklist completed that week meets it.
 */
function weeklyWindow(now: Date, timeZone: string, week: WorkWeek): Window {
  const today = localDate(now, timeZone);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const lastWorkday = days.filter((d) => week.workdays.includes(weekday(d))).at(-1) ?? addDays(monday, 6);
  return {
    day: monday,
    opensAt: zonedInstant(monday, 0, timeZone),
    dueAt: endOfDay(lastWorkday, timeZone),
    closesAt: endOfDay(addDays(monday, 6), timeZone),
  };
}

function due(kind: ChecklistDue['kind'], w: Window, now: Date, completedAt: readonly Date[]): ChecklistDue {
  let metAt: Date | null = null;
  for (const at of completedAt) {
    const t = at.getTime();
    if (t >= w.opensAt.getTime() && t < w.closesAt.getTime() && (!metAt || t < metAt.getTime())) metAt = at;
  }
  return {
    kind,
    reference: kind === 'osha_daily' ? OSHA_DAILY_REFERENCE : OSHA_WEEKLY_REFERENCE,
    day: w.day,
    opensAt: w.opensAt,
    dueAt: w.dueAt,
    status: statusOf(w.dueAt, now, metAt),
    metAt,
  };
}

export function oshaDailyDue(input: { now: Date; timeZone: string; completedAt: readonly Date[]; week?: WorkWeek }): ChecklistDue {
  return due('osha_daily', dailyWindow(input.now, input.timeZone, input.week ?? DEFAULT_WORK_WEEK), input.now, input.completedAt);
}

export function oshaWeeklyDue(input: { now: Date; timeZone: string; completedAt: readonly Date[]; week?: WorkWeek }): ChecklistDue {
  return due('osha_weekly', weeklyWindow(input.now, input.timeZone, input.week ?? DEFAULT_WORK_WEEK), input.now, input.completedAt);
}

/** One line for the New inspection page: the rule, not a computed date. */
export const OSHA_RULE_TEXT = {
  osha_daily: `Before work starts, every workday (${OSHA_DAILY_REFERENCE})`,
  osha_weekly: 'Once a work week, by the end of its last workday (company safety program)',
} as const;

/** One site's checklists as My work and the project page read them. */
export interface SiteChecklistDue extends ChecklistDue {
  /** Open (due or overdue) and today's: what My work lists. */
  dueToday: boolean;
}

/** What every site in one zone shares at `now`: the checklists' windows and the local dates compared with them. */
export interface ZoneChecklistWindows {
  now: Date;
  daily: Window;
  weekly: Window;
  today: LocalDate;
  weeklyLastWorkday: LocalDate;
}

export function zoneChecklistWindows(now: Date, timeZone: string, week: WorkWeek = DEFAULT_WORK_WEEK): ZoneChecklistWindows {
  const weekly = weeklyWindow(now, timeZone, week);
  return {
    now,
    daily: dailyWindow(now, timeZone, week),
    weekly,
    today: localDate(now, timeZone),
    weeklyLastWorkday: localDate(new Date(weekly.dueAt.getTime() - 1), timeZone),
  };
}

/**
 * Both checklists of one site, from the instants its daily and weekly
 * checklists were submitted: the daily one is "due today" on a workday until it
 * is done; the weekly one on the week's last workday, or once it is overdue.
 * The windows are the zone's (zoneChecklistWindows), so a page of sites in one
 * zone computes its calendar once, not once per site.
 */
export function siteChecklistsIn(w: ZoneChecklistWindows, submitted: readonly { type: string; at: Date }[]): SiteChecklistDue[] {
  const at = (type: string) => submitted.filter((s) => s.type === type).map((s) => s.at);
  const open = (c: ChecklistDue) => c.status === 'due' || c.status === 'overdue';
  const daily = due('osha_daily', w.daily, w.now, at('osha_daily'));
  const weekly = due('osha_weekly', w.weekly, w.now, at('osha_weekly'));
  return [
    { ...daily, dueToday: open(daily) && daily.day === w.today },
    { ...weekly, dueToday: open(weekly) && (weekly.status === 'overdue' || w.weeklyLastWorkday === w.today) },
  ];
}

/** siteChecklistsIn for one site on its own. */
export function siteChecklists(input: {
  now: Date;
  timeZone: string;
  submitted: readonly { type: string; at: Date }[];
  week?: WorkWeek;
}): SiteChecklistDue[] {
  return siteChecklistsIn(zoneChecklistWindows(input.now, input.timeZone, input.week), input.submitted);
}
