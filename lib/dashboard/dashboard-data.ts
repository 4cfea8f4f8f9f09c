import 'server-only';
import { inspectionDueInputs, openActionsByAge, orgTimeZone, recentRain, type AgeBucket } from '@/db/queries/dashboard';
import { openWorkCounts } from '@/db/queries/violations';
import type { Tx } from '@/db/tenant';
import { inspectionDue, type Due } from '@/lib/compliance/inspection-due';
import { rainByDay, type RainDay } from './rain-by-day';

export const RAIN_DAYS = 14;

interface ProjectDue extends Due {
  projectId: string;
  projectName: string;
}

/** Due and overdue inspections for every active project (the simple rule of lib/compliance). */
async function inspectionsDue(tx: Tx, orgId: string, now = new Date()): Promise<ProjectDue[]> {
  const { settings, projects, rain } = await inspectionDueInputs(tx, orgId, now);
  return projects
    .map((p) => ({
      projectId: p.id,
      projectName: p.name,
      ...inspectionDue({
        schedule: p.schedule,
        lastInspectedAt: p.last,
        startedAt: p.permitStart ? new Date(p.permitStart) : p.createdAt,
        rainEvents: rain
          .filter((r) => r.projectId === p.id)
          .map((r) => ({ amountInches: Number(r.amount), startedAt: r.startedAt, endedAt: r.endedAt })),
        thresholdInches: Number(settings?.rainThresholdInches ?? 0.25),
        deadlineHours: settings?.inspectionDeadlineHours ?? 24,
        now,
      }),
    }))
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime());
}

export interface DashboardData {
  due: ProjectDue[];
  counts: {
    inspectionsOverdue: number;
    inspectionsDueSoon: number;
    openViolations: number;
    overdueViolations: number;
    openActions: number;
    overdueActions: number;
  };
  actionsByAge: AgeBucket[];
  rain: RainDay[];
  timeZone: string;
  hasProjects: boolean;
}

/** Everything the dashboard shows, for one tenant, in one transaction. */
export async function dashboardData(tx: Tx, orgId: string, now = new Date()): Promise<DashboardData> {
  // Sequential on purpose: one transaction is one connection, so parallel queries would only queue.
  const timeZone = await orgTimeZone(tx, orgId);
  const due = await inspectionsDue(tx, orgId, now);
  const work = await openWorkCounts(tx, orgId, now);
  const actionsByAge = await openActionsByAge(tx, orgId, now);
  const rain = await recentRain(tx, orgId, RAIN_DAYS, now);
  return {
    due,
    counts: {
      inspectionsOverdue: due.filter((d) => d.status === 'overdue').length,
      inspectionsDueSoon: due.filter((d) => d.status === 'due_soon').length,
      ...work,
    },
    actionsByAge,
    rain: rainByDay(rain, { days: RAIN_DAYS, now, timeZone }),
    timeZone,
    hasProjects: due.length > 0,
  };
}
