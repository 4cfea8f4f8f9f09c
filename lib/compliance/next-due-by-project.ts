import 'server-only';
import { nextDueInputs } from '@/db/queries/next-due';
import type { Tx } from '@/db/tenant';
import { isTimeZone } from '@/lib/format/when';
import { localDate } from './engine/calendar';
import { HISTORY_DAYS, nextDueFor, type NextDue } from './next-due';

const DAY = 86_400_000;

export interface ProjectNextDue extends NextDue {
  projectId: string;
  projectName: string;
  timeZone: string;
}

/**
 * THE read of "what inspection is due next" per active project (My work, the
 * project page). Today it runs the engine over the recent history; when the
 * stored obligations table exists, this one function reads it instead.
 */
export async function nextDueByProject(
  tx: Tx,
  orgId: string,
  opts: { projectId?: string; now?: Date } = {},
): Promise<ProjectNextDue[]> {
  const now = opts.now ?? new Date();
  // A day of margin: the engine's window is counted in local days.
  const since = new Date(now.getTime() - (HISTORY_DAYS + 1) * DAY);
  const input = await nextDueInputs(tx, orgId, { projectId: opts.projectId, since });
  const orgZone = input.settings?.timezone ?? 'UTC';
  const threshold = Number(input.settings?.rainThresholdInches ?? 0.25);
  const out: ProjectNextDue[] = [];
  for (const p of input.projects) {
    const timeZone = validZone(p.timeZone) ?? validZone(orgZone) ?? 'UTC';
    const due = nextDueFor(
      {
        id: p.id,
        timeZone,
        schedule: p.schedule,
        sensitiveWater: p.sensitiveWater,
        coverageStart: p.permitStart ?? localDate(p.createdAt, timeZone),
      },
      {
        inspections: input.inspections.filter((i) => i.projectId === p.id).map((i) => ({ id: i.id, at: i.at! })),
        storms: input.rain
          .filter((r) => r.projectId === p.id)
          .map((r) => ({ id: r.id, startedAt: r.startedAt, endedAt: r.endedAt, rainInches: Number(r.amountInches) })),
        rainThresholdInches: threshold,
      },
      now,
    );
    if (due) out.push({ ...due, projectId: p.id, projectName: p.name, timeZone });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

const validZone = (tz: string | null | undefined): string | null => (tz && isTimeZone(tz) ? tz : null);
