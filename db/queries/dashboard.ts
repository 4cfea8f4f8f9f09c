import 'server-only';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { complianceSettings, correctiveActions, projects, rainEvents } from '../schema';
import type { Tx } from '../tenant';
import { OPEN_STATUSES } from './violations';

const DAY = 86_400_000;

export interface AgeBucket {
  label: string;
  count: number;
}

/** Open corrective actions by how long they have been open: a small bar chart on the dashboard. */
export async function openActionsByAge(tx: Tx, orgId: string, now = new Date()): Promise<AgeBucket[]> {
  // Instants as ISO text with a cast: postgres.js can't bind a Date inside a raw `sql` fragment.
  const since = (days: number) => sql`${new Date(now.getTime() - days * DAY).toISOString()}::timestamptz`;
  const ages = await tx
    .select({
      bucket: sql<number>`case
        when ${correctiveActions.createdAt} > ${since(2)} then 0
        when ${correctiveActions.createdAt} > ${since(7)} then 1
        when ${correctiveActions.createdAt} > ${since(30)} then 2
        else 3 end`.mapWith(Number),
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, orgId), inArray(correctiveActions.status, OPEN_STATUSES)))
    .groupBy(sql`1`);
  const labels = ['< 2 days', '2–7 days', '7–30 days', '> 30 days'];
  return labels.map((label, i) => ({ label, count: ages.find((a) => a.bucket === i)?.n ?? 0 }));
}

/** Rain events of the last `days` days, oldest first, for the dashboard chart. */
export async function recentRain(tx: Tx, orgId: string, days = 14, now = new Date()) {
  const since = new Date(now.getTime() - days * DAY);
  return tx
    .select({
      projectId: rainEvents.projectId,
      projectName: projects.name,
      amountInches: rainEvents.amountInches,
      startedAt: rainEvents.startedAt,
    })
    .from(rainEvents)
    .innerJoin(
      projects,
      and(eq(projects.organizationId, rainEvents.organizationId), eq(projects.id, rainEvents.projectId)),
    )
    .where(and(eq(rainEvents.organizationId, orgId), gte(rainEvents.startedAt, since)))
    .orderBy(rainEvents.startedAt);
}

/** The organization's time zone (compliance settings), UTC when unset or unknown to this runtime. */
export async function orgTimeZone(tx: Tx, orgId: string): Promise<string> {
  const [settings] = await tx
    .select({ timezone: complianceSettings.timezone })
    .from(complianceSettings)
    .where(eq(complianceSettings.organizationId, orgId));
  const tz = settings?.timezone;
  return tz && knownZone(tz) ? tz : 'UTC';
}

// Building an Intl.DateTimeFormat to test a zone costs more than the query above; zones are few.
const zones = new Map<string, boolean>();
function knownZone(tz: string): boolean {
  let known = zones.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      known = true;
    } catch {
      known = false;
    }
    if (zones.size < 1_000) zones.set(tz, known);
  }
  return known;
}
