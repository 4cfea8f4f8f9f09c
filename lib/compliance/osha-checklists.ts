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

/**
 * The daily checklist that matters at `now`: today's if today is a workday
 * (due at the start of work; met by a checklist completed that local day),
 * else the next workday's. A checklist completed the evening before does not
 * count: the inspection is of the day's conditions, so it opens at local midnight.
 */
export function oshaDailyDue(input: {
  now: Date;
  timeZone: string;
  completedAt: readonly Date[];
  week?: WorkWeek;
}): ChecklistDue {
  const week = input.week ?? DEFAULT_WORK_WEEK;
  const day = currentOrNextWorkday(input.now, input.timeZone, week);
  const opensAt = zonedInstant(day, 0, input.timeZone);
  const dueAt = zonedInstant(day, week.startOfWorkMinutes, input.timeZone);
  const closesAt = endOfDay(day, input.timeZone);
  const metAt =
    [...input.completedAt]
      .filter((at) => at.getTime() >= opensAt.getTime() && at.getTime() < closesAt.getTime())
      .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return {
    kind: 'osha_daily',
    reference: OSHA_DAILY_REFERENCE,
    day,
    opensAt,
    dueAt,
    status: statusOf(dueAt, input.now, metAt),
    metAt,
  };
}

/**
 * The weekly checklist of the local week (Monday–Sunday) `now` falls in: due
 * by the end of that week's last workday; any checklist completed that week meets it.
 */
export function oshaWeeklyDue(input: {
  now: Date;
  timeZone: string;
  completedAt: readonly Date[];
  week?: WorkWeek;
}): ChecklistDue {
  const week = input.week ?? DEFAULT_WORK_WEEK;
  const today = localDate(input.now, input.timeZone);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const lastWorkday = days.filter((d) => week.workdays.includes(weekday(d))).at(-1) ?? addDays(monday, 6);
  const opensAt = zonedInstant(monday, 0, input.timeZone);
  const dueAt = endOfDay(lastWorkday, input.timeZone);
  const weekEnds = endOfDay(addDays(monday, 6), input.timeZone);
  const metAt =
    [...input.completedAt]
      .filter((at) => at.getTime() >= opensAt.getTime() && at.getTime() < weekEnds.getTime())
      .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return {
    kind: 'osha_weekly',
    reference: OSHA_WEEKLY_REFERENCE,
    day: monday,
    opensAt,
    dueAt,
    status: statusOf(dueAt, input.now, metAt),
    metAt,
  };
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

/**
 * Both checklists of one site at `now`, from the instants its daily and weekly
 * checklists were submitted: the daily one is "due today" on a workday until it
 * is done; the weekly one on the week's last workday, or once it is overdue.
 */
export function siteChecklists(input: {
  now: Date;
  timeZone: string;
  submitted: readonly { type: string; at: Date }[];
  week?: WorkWeek;
}): SiteChecklistDue[] {
  const { now, timeZone, week } = input;
  const at = (type: string) => input.submitted.filter((s) => s.type === type).map((s) => s.at);
  const today = localDate(now, timeZone);
  const open = (c: ChecklistDue) => c.status === 'due' || c.status === 'overdue';
  const daily = oshaDailyDue({ now, timeZone, completedAt: at('osha_daily'), week });
  const weekly = oshaWeeklyDue({ now, timeZone, completedAt: at('osha_weekly'), week });
  const lastWorkday = localDate(new Date(weekly.dueAt.getTime() - 1), timeZone);
  return [
    { ...daily, dueToday: open(daily) && daily.day === today },
    { ...weekly, dueToday: open(weekly) && (weekly.status === 'overdue' || lastWorkday === today) },
  ];
}
