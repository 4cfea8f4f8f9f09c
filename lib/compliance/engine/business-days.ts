/**
 * Business days for "by the close of the next business day" (2022 CGP Part
 * 2.1.4, Part 5.2.1). The permit does not define a business day, so the
 * conservative default (docs/compliance.md) is: Monday to Friday are business
 * days, and a weekday is closed only when the project records it (its
 * `closedDays`) or opts into the US federal holidays (5 U.S.C. 6103, with the
 * Saturday → Friday / Sunday → Monday observance of federal offices).
 */
import { addDays, weekday, zonedInstant, type LocalDate } from './calendar';

export interface BusinessCalendar {
  /** Local dates the operator is closed (holidays, shutdowns). */
  closedDays: LocalDate[];
  observeUsFederalHolidays: boolean;
  /** Local wall time business closes, in minutes after midnight (17:00 = 1020). */
  closeOfBusinessMinutes: number;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The `n`th `dow` (0 = Sunday) of month `m`; n = -1 for the last one. */
function nthWeekday(y: number, m: number, dow: number, n: number): LocalDate {
  if (n > 0) {
    const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
    return iso(y, m, 1 + ((dow - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(y, m, 0));
  return iso(y, m, lastDay.getUTCDate() - ((lastDay.getUTCDay() - dow + 7) % 7));
}

function observed(day: LocalDate): LocalDate {
  const dow = weekday(day);
  return dow === 6 ? addDays(day, -1) : dow === 0 ? addDays(day, 1) : day;
}

/** The federal holidays observed in year `y` (as federal offices close for them). */
export function usFederalHolidays(y: number): LocalDate[] {
  return [
    observed(iso(y, 1, 1)),
    nthWeekday(y, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(y, 2, 1, 3), // Washington's Birthday
    nthWeekday(y, 5, 1, -1), // Memorial Day
    observed(iso(y, 6, 19)),
    observed(iso(y, 7, 4)),
    nthWeekday(y, 9, 1, 1), // Labor Day
    nthWeekday(y, 10, 1, 2), // Columbus Day
    observed(iso(y, 11, 11)),
    nthWeekday(y, 11, 4, 4), // Thanksgiving
    observed(iso(y, 12, 25)),
    // New Year's Day of the next year observed on Dec 31 when Jan 1 is a Saturday.
    ...(weekday(iso(y + 1, 1, 1)) === 6 ? [iso(y, 12, 31)] : []),
  ];
}

function isBusinessDay(day: LocalDate, cal: BusinessCalendar): boolean {
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return false;
  if (cal.closedDays.includes(day)) return false;
  return !(cal.observeUsFederalHolidays && usFederalHolidays(Number(day.slice(0, 4))).includes(day));
}

/** The close of business on the first business day after local day `day`. */
export function closeOfNextBusinessDay(day: LocalDate, cal: BusinessCalendar, timeZone: string): Date {
  let next = addDays(day, 1);
  while (!isBusinessDay(next, cal)) next = addDays(next, 1);
  return zonedInstant(next, cal.closeOfBusinessMinutes, timeZone);
}
