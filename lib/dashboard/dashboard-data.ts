import 'server-only';
import { openActionsByAge, orgTimeZone, type AgeBucket } from '@/db/queries/dashboard';
import { activeProjectIds, obligationsDueBetween, openInspectionCounts, rainAndInspectionsByDay, complianceKnobs } from '@/db/queries/obligations';
import { openWorkCounts } from '@/db/queries/violations';
import type { Tx } from '@/db/tenant';
import { dailySeries, type RainInspectionDay } from '@/lib/compliance/calendar-data';
import { addDays, endOfDay, localDate } from '@/lib/compliance/engine/calendar';
import { toItem, type ObligationItem } from '@/lib/compliance/obligation-view';

export const RAIN_DAYS = 14;
/** Counts above this show as "99+": counting stops there, so the dashboard's cost does not grow with the tenant. */
export const COUNT_CAP = 99;
const DAY = 86_400_000;
const SOON_MS = 2 * DAY;

export interface DashboardData {
  /** The next open obligations of the tenant, overdue first (stored rows, lib/compliance/recompute-obligations.ts). */
  due: ObligationItem[];
  counts: {
    inspectionsOverdue: number;
    inspectionsDueSoon: number;
    openViolations: number;
    overdueViolations: number;
    openActions: number;
    overdueActions: number;
  };
  actionsByAge: AgeBucket[];
  /** Rain and completed inspections per local day, last RAIN_DAYS days. */
  days: RainInspectionDay[];
  thresholdInches: number;
  timeZone: string;
  hasProjects: boolean;
}

/**
 * Everything the dashboard shows, for one tenant, in one transaction. Every
 * read is a bounded range of an index leading with organization_id (bench (j)
 * measures it at 100, 1,000 and 10,000 projects).
 */
export async function dashboardData(tx: Tx, orgId: string, now = new Date()): Promise<DashboardData> {
  // One round trip for the zone, then one for the rest: postgres.js pipelines the queries of a
  // transaction's connection when they are issued together (one write, answers in order).
  const timeZone = await orgTimeZone(tx, orgId);
  const since = endOfDay(addDays(localDate(now, timeZone), -RAIN_DAYS), timeZone);
  const [due, inspectionCounts, work, actionsByAge, series, anyProject, knobs] = await Promise.all([
    obligationsDueBetween(tx, orgId, { to: new Date(now.getTime() + 30 * DAY), limit: 8 }),
    openInspectionCounts(tx, orgId, now, { soonMs: SOON_MS, cap: COUNT_CAP + 1 }),
    openWorkCounts(tx, orgId, now),
    openActionsByAge(tx, orgId, now),
    rainAndInspectionsByDay(tx, orgId, { since, timeZone }),
    activeProjectIds(tx, orgId, { limit: 1 }),
    complianceKnobs(tx, orgId),
  ]);
  const hasProjects = due.length > 0 || anyProject.length > 0;
  return {
    due: due.map((r) => toItem(r, now, timeZone)),
    counts: { inspectionsOverdue: inspectionCounts.overdue, inspectionsDueSoon: inspectionCounts.dueSoon, ...work },
    actionsByAge,
    days: dailySeries(series, RAIN_DAYS, now, timeZone),
    thresholdInches: knobs.threshold,
    timeZone,
    hasProjects,
  };
}
