import 'server-only';
import { recordProviderReading, listWeatherSites } from '@/db/queries/weather';
import { withTenant } from '@/db/tenant';
import { recomputeObligations } from '@/lib/compliance/recompute-obligations';
import { endOfDay, localDate, zonedInstant } from '@/lib/compliance/engine/calendar';
import { JOB_USER } from '@/lib/jobs/queues';
import { fetchDailyWeather, WeatherUnavailableError, type WeatherOptions } from './open-meteo';

/** Completed days read back each run: a day or two of missed runs lose nothing. */
const PAST_DAYS = 3;

export interface IngestResult {
  sites: number;
  created: number;
  raised: number;
  unchanged: number;
  failed: { projectId: string; reason: string }[];
}

/**
 * One tenant's daily ingestion: for every active project with coordinates,
 * the provider's completed local days are stored as `weather_service` rain
 * events (db/queries/weather.ts), each in the tenant door as the jobs' system
 * actor, audited. A site the provider failed for (after its retries) writes
 * nothing — no reading, so no storm obligation made or cleared — and the run
 * ends with WeatherUnavailableError so pg-boss retries the job with backoff;
 * the other sites' days are kept (storing a day twice changes nothing).
 */
export async function ingestWeather(orgId: string, now = new Date(), opts: WeatherOptions = {}): Promise<IngestResult> {
  const actor = { orgId, userId: JOB_USER, userAgent: 'weather ingestion' };
  const sites = await withTenant(actor, (tx) => listWeatherSites(tx, orgId));
  const result: IngestResult = { sites: sites.length, created: 0, raised: 0, unchanged: 0, failed: [] };
  for (const site of sites) {
    let readings;
    try {
      // Outside any transaction: a slow provider must not hold a database connection.
      readings = await fetchDailyWeather({ latitude: Number(site.latitude), longitude: Number(site.longitude), timeZone: site.timeZone, pastDays: PAST_DAYS }, opts);
    } catch (error) {
      if (!(error instanceof WeatherUnavailableError)) throw error;
      result.failed.push({ projectId: site.id, reason: error.message });
      continue;
    }
    // Only days that are over in the site's zone: today's total is still growing.
    const today = localDate(now, site.timeZone);
    const done = readings.filter((r) => r.date < today && r.precipitationInches > 0);
    await withTenant(actor, async (tx) => {
      for (const r of done) {
        const outcome = await recordProviderReading(tx, actor, site.id, {
          localDate: r.date,
          startedAt: zonedInstant(r.date, 0, site.timeZone),
          endedAt: endOfDay(r.date, site.timeZone),
          amountInches: r.precipitationInches.toFixed(2),
          snowfallInches: r.snowfallInches === null ? null : r.snowfallInches.toFixed(2),
        });
        if (outcome) result[outcome]++;
      }
      // Jobs don't pass through withTenantRequest: the stored obligations are recomputed here, in the
      // same transaction as the readings (lib/compliance/recompute-obligations.ts).
      if (done.length) await recomputeObligations(tx, orgId, site.id, now);
    });
  }
  if (result.failed.length) {
    throw new WeatherUnavailableError(`${result.failed.length} of ${sites.length} sites: ${result.failed[0]!.reason}`, 0);
  }
  return result;
}
