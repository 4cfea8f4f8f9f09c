import 'server-only';
import type { complianceRecords } from '@/db/queries/weather';
import { localDate, addDays } from './engine/calendar';
import type { ComplianceInput } from './engine/types';

type Records = Awaited<ReturnType<typeof complianceRecords>>;
type Rain = Records['rain'][number];

const DEFAULT_ZONE = 'America/New_York';

/** Local dates a rain event covers in the site's zone (its end is exclusive for a provider day). */
function daysOf(r: Rain, timeZone: string): string[] {
  const first = localDate(r.startedAt, timeZone);
  const end = r.endedAt ?? r.startedAt;
  const last = localDate(new Date(Math.max(r.startedAt.getTime(), end.getTime() - 1)), timeZone);
  const out = [first];
  while (out[out.length - 1]! < last && out.length < 31) out.push(addDays(out[out.length - 1]!, 1));
  return out;
}

/**
 * Which rain events count: every gauge entry (`manual`, `gauge`), and a
 * provider day (`weather_service`) only where no gauge entry covers the same
 * local day in the site's zone — the gauge on site wins; both rows are kept.
 */
function countedRain(rain: Rain[], timeZone: string): Rain[] {
  const gauge = rain.filter((r) => r.source !== 'weather_service');
  const gaugeDays = new Set(gauge.flatMap((r) => daysOf(r, timeZone)));
  const provider = rain.filter((r) => r.source === 'weather_service' && !daysOf(r, timeZone).some((d) => gaugeDays.has(d)));
  return [...gauge, ...provider];
}

/**
 * One project's engine input from the stored records (docs/compliance.md):
 * schedule and sensitive waters from the project, the org's rain threshold,
 * completed (submitted or published) inspections, and the counted rain.
 * Findings, reduced periods and snowmelt discharges are not recorded by the
 * app yet, so they are empty here.
 */
export function projectInput(records: Records, projectId: string, now: Date): ComplianceInput | undefined {
  const p = records.projects.find((x) => x.id === projectId);
  if (!p) return undefined;
  const timeZone = p.timeZone ?? records.settings?.timezone ?? DEFAULT_ZONE;
  return {
    timeZone,
    now,
    schedule: p.schedule,
    sensitiveWater: p.sensitiveWater,
    coverageStart: p.permitStart ?? localDate(p.createdAt, timeZone),
    rainThresholdInches: Number(records.settings?.rainThresholdInches ?? 0.25),
    snowThresholdInches: 3.25,
    business: { closedDays: [], observeUsFederalHolidays: false, closeOfBusinessMinutes: 17 * 60 },
    periods: [],
    storms: countedRain(
      records.rain.filter((r) => r.projectId === projectId),
      timeZone,
    ).map((r) => ({
      id: r.id,
      startedAt: r.startedAt,
      endedAt: r.endedAt ?? r.startedAt,
      rainInches: Number(r.amountInches),
      thresholdReachedAt: null,
    })),
    snowmelts: [],
    inspections: records.inspections
      .filter((i) => i.projectId === projectId && i.at)
      .map((i) => ({ id: i.id, at: i.at!, reportCompletedAt: i.signedAt })),
    findings: [],
    noncompliance: [],
  };
}
