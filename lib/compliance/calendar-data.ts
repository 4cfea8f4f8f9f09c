import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { obligationsDueBetween, obligationsMetBetween, rainAndInspectionsByDay, complianceKnobs } from '@/db/queries/obligations';
import { getProject } from '@/db/queries/projects';
import type { Tx } from '@/db/tenant';
import { isTimeZone } from '@/lib/format/when';
import { addDays, endOfDay, localDate } from './engine/calendar';
import { toItem, type ObligationItem } from './obligation-view';

const DAY = 86_400_000;
/** Rows per section: each section is one bounded index range read, whatever the tenant's size. */
export const SECTION_LIMIT = 50;
export const CALENDAR_DAYS = 30;

export interface RainInspectionDay {
  /** YYYY-MM-DD in the calendar's zone. */
  date: string;
  inches: number;
  inspections: number;
}

export interface CalendarData {
  timeZone: string;
  project: { id: string; name: string } | null;
  overdue: ObligationItem[];
  dueToday: ObligationItem[];
  upcoming: ObligationItem[];
  metLate: ObligationItem[];
  metOnTime: ObligationItem[];
  days: RainInspectionDay[];
  thresholdInches: number;
}

/** One entry per local day of the last `days` days ending today, zeros where nothing happened. */
export function dailySeries(
  rows: { rain: { day: string; inches: number }[]; inspections: { day: string; n: number }[] },
  days: number,
  now: Date,
  timeZone: string,
): RainInspectionDay[] {
  const today = localDate(now, timeZone);
  const rain = new Map(rows.rain.map((r) => [r.day, r.inches]));
  const done = new Map(rows.inspections.map((r) => [r.day, r.n]));
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(today, i - days + 1);
    return { date, inches: Math.round((rain.get(date) ?? 0) * 100) / 100, inspections: done.get(date) ?? 0 };
  });
}

/**
 * The compliance calendar of the organization, or of one project
 * (`projectId`; `undefined` when it is not this tenant's): what is overdue,
 * due today (the site's local day), coming in the next 30 days, and what was
 * met late or on time in the last 30, plus rain vs inspections per day.
 */
export async function calendarData(
  tx: Tx,
  orgId: string,
  opts: { projectId?: string; now?: Date } = {},
): Promise<CalendarData | undefined> {
  const now = opts.now ?? new Date();
  const orgZone = await orgTimeZone(tx, orgId);
  let project: CalendarData['project'] = null;
  let timeZone = orgZone;
  if (opts.projectId) {
    const p = await getProject(tx, orgId, opts.projectId);
    if (!p) return undefined;
    project = { id: p.id, name: p.name };
    if (p.timeZone && isTimeZone(p.timeZone)) timeZone = p.timeZone;
  }
  const endOfToday = endOfDay(localDate(now, timeZone), timeZone);
  const f = { projectId: opts.projectId, limit: SECTION_LIMIT };
  const items = (rows: Awaited<ReturnType<typeof obligationsDueBetween>>) => rows.map((r) => toItem(r, now, orgZone));
  const overdue = items(await obligationsDueBetween(tx, orgId, { ...f, to: now }));
  const dueToday = items(await obligationsDueBetween(tx, orgId, { ...f, from: now, to: endOfToday }));
  const upcoming = items(
    await obligationsDueBetween(tx, orgId, { ...f, from: endOfToday, to: new Date(now.getTime() + CALENDAR_DAYS * DAY) }),
  );
  const past = { ...f, from: new Date(now.getTime() - CALENDAR_DAYS * DAY), to: new Date(now.getTime() + DAY) };
  const metLate = items(await obligationsMetBetween(tx, orgId, { ...past, late: true }));
  const metOnTime = items(await obligationsMetBetween(tx, orgId, { ...past, late: false }));
  const since = endOfDay(addDays(localDate(now, timeZone), -CALENDAR_DAYS), timeZone);
  const series = await rainAndInspectionsByDay(tx, orgId, { since, timeZone, projectId: opts.projectId });
  return {
    timeZone,
    project,
    overdue,
    dueToday,
    upcoming,
    metLate,
    metOnTime,
    days: dailySeries(series, CALENDAR_DAYS, now, timeZone),
    thresholdInches: (await complianceKnobs(tx, orgId)).threshold,
  };
}
