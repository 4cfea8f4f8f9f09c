import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/env';

/** One completed local day at a site, as the provider reports it. */
export interface DailyReading {
  /** Local date in the site's zone (the request names the zone, the answer's days are local). */
  date: string;
  precipitationInches: number;
  snowfallInches: number | null;
}

/** The provider could not give a trustworthy answer after every attempt: nothing may be concluded from it. */
export class WeatherUnavailableError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'WeatherUnavailableError';
  }
}

const MM_PER_INCH = 25.4;
const CM_PER_INCH = 2.54;

/**
 * The part of an Open-Meteo `/v1/forecast` answer we read. Everything is
 * checked: the units (an answer in mm read as inches would invent storms), the
 * dates, the value ranges, and that the arrays line up day by day. A missing
 * value (`null`, Open-Meteo's "no data") is kept as null and never becomes 0.
 */
const answerSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    timezone: z.string().optional(),
    daily_units: z.object({
      precipitation_sum: z.enum(['inch', 'mm']),
      snowfall_sum: z.enum(['inch', 'cm']).optional(),
    }),
    daily: z.object({
      time: z.array(z.iso.date()).min(1).max(31),
      precipitation_sum: z.array(z.number().min(0).max(2_000).nullable()),
      snowfall_sum: z.array(z.number().min(0).max(5_000).nullable()).optional(),
    }),
  })
  .refine((a) => a.daily.precipitation_sum.length === a.daily.time.length, { message: 'precipitation_sum does not line up with time' })
  .refine((a) => !a.daily.snowfall_sum || a.daily.snowfall_sum.length === a.daily.time.length, { message: 'snowfall_sum does not line up with time' });

type Answer = z.infer<typeof answerSchema>;

function toReadings(a: Answer): DailyReading[] {
  const rainFactor = a.daily_units.precipitation_sum === 'mm' ? 1 / MM_PER_INCH : 1;
  const snowFactor = a.daily_units.snowfall_sum === 'cm' ? 1 / CM_PER_INCH : 1;
  const out: DailyReading[] = [];
  a.daily.time.forEach((date, i) => {
    const rain = a.daily.precipitation_sum[i];
    if (rain === null || rain === undefined) return;
    const snow = a.daily.snowfall_sum?.[i];
    out.push({
      date,
      precipitationInches: Math.round(rain * rainFactor * 100) / 100,
      snowfallInches: snow === null || snow === undefined ? null : Math.round(snow * snowFactor * 100) / 100,
    });
  });
  return out;
}

export interface WeatherRequest {
  latitude: number;
  longitude: number;
  timeZone: string;
  /** Completed days to read back (the job re-reads a few, so a missed run loses nothing). */
  pastDays: number;
}

export interface WeatherOptions {
  baseUrl?: string;
  timeoutMs?: number;
  retryBaseMs?: number;
  attempts?: number;
  log?: (line: string) => void;
}

/** The request URL: daily sums in inches, days in the site's own zone. */
function weatherUrl(baseUrl: string, r: WeatherRequest): URL {
  const url = new URL(baseUrl);
  url.searchParams.set('latitude', r.latitude.toFixed(4));
  url.searchParams.set('longitude', r.longitude.toFixed(4));
  url.searchParams.set('daily', 'precipitation_sum,snowfall_sum');
  url.searchParams.set('precipitation_unit', 'inch');
  url.searchParams.set('timezone', r.timeZone);
  url.searchParams.set('past_days', String(r.pastDays));
  url.searchParams.set('forecast_days', '1');
  return url;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Daily precipitation (and snowfall) for one site from an Open-Meteo-compatible
 * API. Each attempt is bounded by AbortSignal.timeout; a network error, a
 * timeout, a non-2xx status or an answer that fails the schema is logged and
 * retried with exponential backoff, and after the last attempt the call throws
 * WeatherUnavailableError, so the caller writes nothing (and the job is retried
 * by pg-boss with its own backoff).
 */
export async function fetchDailyWeather(r: WeatherRequest, opts: WeatherOptions = {}): Promise<DailyReading[]> {
  const url = weatherUrl(opts.baseUrl ?? env.WEATHER_API_URL, r);
  const attempts = opts.attempts ?? 3;
  const timeoutMs = opts.timeoutMs ?? env.WEATHER_TIMEOUT_MS;
  const retryBaseMs = opts.retryBaseMs ?? env.WEATHER_RETRY_BASE_MS;
  const log = opts.log ?? ((line: string) => console.warn(`[weather] ${line}`));
  let last = 'no attempt made';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body: unknown = await res.json();
      const parsed = answerSchema.safeParse(body);
      if (!parsed.success) throw new Error(`malformed answer: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, 300)}`);
      return toReadings(parsed.data);
    } catch (error) {
      const e = error as Error;
      last = e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : e.message;
      log(`${url.host} attempt ${attempt}/${attempts} for (${r.latitude}, ${r.longitude}): ${last}`);
      if (attempt < attempts) await sleep(retryBaseMs * 2 ** (attempt - 1));
    }
  }
  throw new WeatherUnavailableError(`weather provider unavailable: ${last}`, attempts);
}
