import { localDay } from '@/lib/format/when';
/**
 * Rain per calendar day for the dashboard chart: the last `days` days ending
 * today, in the organization's time zone (a storm at 11 pm belongs to the day
 * the crew lived it, not to UTC's). Days without rain are 0, so the bars line up.
 */
export interface RainDay {
  /** YYYY-MM-DD in `timeZone`. */
  date: string;
  inches: number;
}

function dayKey(at: Date, timeZone: string): string {
  return localDay(at, timeZone);
}

export function rainByDay(
  events: { amountInches: number | string; startedAt: Date }[],
  opts: { days: number; now: Date; timeZone: string },
): RainDay[] {
  const totals = new Map<string, number>();
  for (let i = opts.days - 1; i >= 0; i--) {
    totals.set(dayKey(new Date(opts.now.getTime() - i * 86_400_000), opts.timeZone), 0);
  }
  for (const e of events) {
    const key = dayKey(e.startedAt, opts.timeZone);
    if (totals.has(key)) totals.set(key, Math.round((totals.get(key)! + Number(e.amountInches)) * 100) / 100);
  }
  return [...totals].map(([date, inches]) => ({ date, inches }));
}
