import { addDays, localDate } from './engine/calendar';

/** A stored rain event as the deadline engine's input needs it (db/queries/obligations.ts rainEventsOf). */
export interface StoredRain {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  source: 'manual' | 'gauge' | 'weather_service' | string;
}

/** Local dates a rain event covers in the site's zone (its end is exclusive for a provider day). */
function daysOf(r: StoredRain, timeZone: string): string[] {
  const first = localDate(r.startedAt, timeZone);
  const end = r.endedAt ?? r.startedAt;
  const last = localDate(new Date(Math.max(r.startedAt.getTime(), end.getTime() - 1)), timeZone);
  const out = [first];
  while (out[out.length - 1]! < last && out.length < 31) out.push(addDays(out[out.length - 1]!, 1));
  return out;
}

/**
 * Which rain events count as storms (docs/compliance.md, "The gauge wins"):
 * every gauge entry (`manual`, `gauge`), and a provider day
 * (`weather_service`) only where no gauge entry covers the same local day in
 * the site's zone. Both rows stay stored; only the counted ones reach the engine.
 */
export function countedRain<T extends StoredRain>(rain: T[], timeZone: string): T[] {
  const gauge = rain.filter((r) => r.source !== 'weather_service');
  const gaugeDays = new Set(gauge.flatMap((r) => daysOf(r, timeZone)));
  const provider = rain.filter((r) => r.source === 'weather_service' && !daysOf(r, timeZone).some((d) => gaugeDays.has(d)));
  return [...gauge, ...provider];
}
