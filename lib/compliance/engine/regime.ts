/**
 * Which inspection frequency is in force on a local date: the schedule option
 * (2022 CGP Part 4.2), the stricter rule for sensitive waters (Part 4.3), or a
 * recorded reduced-frequency period (Part 4.4).
 */
import { addDays, addMonths, type LocalDate } from './calendar';
import type { ComplianceInput, ReducedPeriod } from './types';

export interface Regime {
  part: string;
  label: string;
  /** The last local date the next routine inspection may fall on, after one on `day`; null = suspended. */
  lastDay(day: LocalDate): LocalDate | null;
  /** The part under which storms and snowmelt discharges create inspections; null = they don't. */
  stormPart: string | null;
}

/**
 * "Once per month" read conservatively: no later than one calendar month after
 * the last inspection, nor than 30 days after it, whichever comes first.
 */
const monthly = (day: LocalDate): LocalDate => {
  const month = addMonths(day, 1);
  const thirty = addDays(day, 30);
  return month < thirty ? month : thirty;
};
const every = (n: number) => (day: LocalDate) => addDays(day, n);

function baseRegime(input: ComplianceInput): Regime {
  if (input.sensitiveWater)
    return { part: 'CGP 2022 Part 4.3', label: 'sensitive waters: every 7 calendar days and after storms', lastDay: every(7), stormPart: 'CGP 2022 Part 4.3' };
  if (input.schedule === 'every_7_days')
    return { part: 'CGP 2022 Part 4.2.1', label: 'every 7 calendar days', lastDay: every(7), stormPart: null };
  return { part: 'CGP 2022 Part 4.2.2', label: 'every 14 calendar days and after storms', lastDay: every(14), stormPart: 'CGP 2022 Part 4.2.2' };
}

function periodRegime(p: ReducedPeriod, day: LocalDate): Regime {
  switch (p.kind) {
    case 'stabilized':
      return day < addMonths(p.start, 1)
        ? { part: 'CGP 2022 Part 4.4.1', label: 'stabilized area, first month: twice, no more than 14 calendar days apart', lastDay: every(14), stormPart: null }
        : { part: 'CGP 2022 Part 4.4.1', label: 'stabilized area: once per month', lastDay: monthly, stormPart: null };
    case 'arid':
    case 'drought':
      return { part: 'CGP 2022 Part 4.4.2', label: `${p.kind === 'arid' ? 'seasonally dry period' : 'drought'}: once per month and after storms`, lastDay: monthly, stormPart: 'CGP 2022 Part 4.4.2' };
    case 'frozen_continuing':
      return { part: 'CGP 2022 Part 4.4.3', label: 'frozen conditions, construction continuing: once per month', lastDay: monthly, stormPart: null };
    case 'frozen_suspended':
      return { part: 'CGP 2022 Part 4.4.3', label: 'frozen conditions, construction suspended: inspections suspended until thaw', lastDay: () => null, stormPart: null };
  }
}

const activePeriods = (input: ComplianceInput, day: LocalDate) =>
  input.periods.filter((p) => p.start <= day && (p.end === null || day <= p.end));

/** The regime on `day`; with overlapping periods, the strictest (earliest next inspection) wins. */
export function regimeOn(input: ComplianceInput, day: LocalDate): Regime {
  const periods = activePeriods(input, day);
  if (periods.length === 0) return baseRegime(input);
  const regimes = periods.map((p) => periodRegime(p, day));
  const rank = (r: Regime) => r.lastDay(day) ?? '9999-12-31';
  const strictest = regimes.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  return { ...strictest, stormPart: regimes.find((r) => r.stormPart)?.stormPart ?? null };
}

/** Local dates after `from` and up to `to` where the regime may change (a period starts, or ends the day before). */
export function boundaries(input: ComplianceInput, from: LocalDate, to: LocalDate): LocalDate[] {
  const days = new Set<LocalDate>();
  for (const p of input.periods) {
    days.add(p.start);
    if (p.end) days.add(addDays(p.end, 1));
    // The stabilized first month ends one calendar month after it starts.
    if (p.kind === 'stabilized') days.add(addMonths(p.start, 1));
  }
  return [...days].filter((d) => d > from && d <= to).sort();
}
