import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { obligationsDueBetween } from '@/db/queries/obligations';
import type { Tx } from '@/db/tenant';
import { isTimeZone } from '@/lib/format/when';
import { localDate } from './engine/calendar';
import type { NextDue } from './next-due';

export interface ProjectNextDue extends NextDue {
  projectId: string;
  projectName: string;
  timeZone: string;
}

/** Open inspection obligations read per call: enough for every project's earliest on My work. */
const READ_LIMIT = 500;

/**
 * THE read of "what inspection is due next" per active project (My work, the
 * project page): the earliest open inspection obligation of each project, from
 * the stored, indexed rows (db/queries/obligations.ts), so its cost does not
 * grow with the tenant's history.
 */
export async function nextDueByProject(
  tx: Tx,
  orgId: string,
  opts: { projectId?: string; now?: Date; to?: Date; limit?: number } = {},
): Promise<ProjectNextDue[]> {
  const now = opts.now ?? new Date();
  const rows = await obligationsDueBetween(tx, orgId, {
    projectId: opts.projectId,
    to: opts.to,
    inspectionsOnly: true,
    limit: opts.projectId ? 1 : (opts.limit ?? READ_LIMIT),
  });
  const orgZone = await orgTimeZone(tx, orgId);
  const seen = new Set<string>();
  const out: ProjectNextDue[] = [];
  for (const { obligation: o, projectName, projectTimeZone } of rows) {
    if (seen.has(o.projectId)) continue;
    seen.add(o.projectId);
    const timeZone = projectTimeZone && isTimeZone(projectTimeZone) ? projectTimeZone : orgZone;
    const status = o.dueAt.getTime() <= now.getTime() ? 'overdue' : 'upcoming';
    out.push({
      kind: o.kind as NextDue['kind'],
      dueAt: o.dueAt,
      opensAt: o.opensAt,
      part: o.part,
      why: o.reason,
      status,
      // dueAt is often the end of a local day (the next midnight): the day before it.
      dueToday: status === 'overdue' || localDate(new Date(o.dueAt.getTime() - 1), timeZone) <= localDate(now, timeZone),
      projectId: o.projectId,
      projectName,
      timeZone,
    });
  }
  return out;
}
