/**
 * How long each kind of record is kept (docs/retention.md), as pure functions: facts in, the last
 * day to keep (inclusive) out. The purge may remove a record only from the day after.
 * - CGP project records (SWPPP, inspections, corrective actions, rain data; EPA 2022 CGP Part
 *   4.8): the later of the org's rule and 3 years, counted from the end of permit coverage (the
 *   project's termination date, `permit_end`), never from creation. A project still active, or
 *   with no termination date, has no end yet: it is never purgeable.
 * - OSHA 1904 injury and illness records (29 CFR 1904.33(a)): through December 31 of the fifth
 *   year after the calendar year they cover (lib/compliance/osha/incident-clocks.ts).
 * drizzle/0044 project_purge_rules holds the CGP rule in the database too.
 */
import { oshaRetention } from '@/lib/compliance/osha/incident-clocks';

/** The permit's own floor: CGP Part 4.8, three years after coverage ends. */
const CGP_MIN_RETENTION_YEARS = 3;

export type RetainUntil =
  | { purgeableFrom: null; retainUntil: null; rule: string }
  | { purgeableFrom: Date; retainUntil: string; rule: string };

export interface ProjectRetentionFacts {
  status: 'active' | 'completed' | 'archived';
  /** The permit termination date (YYYY-MM-DD), or null. */
  permitEnd: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function addYears(isoDate: string, years: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`not a date: ${isoDate}`);
  const y = Number(m[1]) + years;
  // Feb 29 plus N years lands on a common year: Feb 28 is the anniversary.
  const day = m[2] === '02' && m[3] === '29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '28' : m[3];
  return `${String(y).padStart(4, '0')}-${m[2]}-${day}`;
}

const dayAfterUtc = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000);

/** The CGP rule for a project's records; the org's years never shorten the permit's three. */
export function projectRetainUntil(p: ProjectRetentionFacts, orgRetentionYears: number): RetainUntil {
  const years = Math.max(CGP_MIN_RETENTION_YEARS, Math.trunc(orgRetentionYears) || 0);
  const rule = `EPA CGP Part 4.8: ${years} years after permit coverage ends`;
  if (p.status === 'active' || !p.permitEnd) return { purgeableFrom: null, retainUntil: null, rule: `${rule} (coverage has not ended)` };
  const retainUntil = addYears(p.permitEnd, years);
  return { purgeableFrom: dayAfterUtc(retainUntil), retainUntil, rule };
}

/** 29 CFR 1904.33(a) for an incident, its year in the site's zone. */
export function incidentRetainUntil(occurredAt: Date, timeZone: string): RetainUntil {
  const r = oshaRetention(occurredAt, timeZone);
  return { purgeableFrom: r.discardableAt, retainUntil: r.retainThrough, rule: `${r.part}: 5 years after the end of ${r.calendarYear}` };
}

export function isPastRetention(r: RetainUntil, now: Date): boolean {
  return r.purgeableFrom !== null && now.getTime() >= r.purgeableFrom.getTime();
}
