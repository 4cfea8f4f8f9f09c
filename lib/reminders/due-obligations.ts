import 'server-only';
import { obligationsDueBetween, type ObligationWithProject } from '@/db/queries/obligations';
import type { Tx } from '@/db/tenant';
import { isTimeZone } from '@/lib/format/when';

/** An obligation counts as "due soon" this long before its deadline. */
const DUE_SOON_HOURS = 24;
/**
 * How far back an overdue obligation is still reminded: the sweep runs hourly,
 * so this only matters after days without a worker; one older than this was
 * reminded long ago (each reminder is written once, by its dedup key).
 */
const OVERDUE_LOOKBACK_DAYS = 7;
/** Rows read per page of the index. */
const PAGE = 500;

export interface DueObligation {
  kind: ObligationWithProject['obligation']['kind'];
  part: string;
  why: string;
  sourceId: string | null;
  dueAt: Date;
  stage: 'due_soon' | 'overdue';
  projectId: string;
  projectName: string;
  timeZone: string;
}

/**
 * Every open stored obligation (project_obligations, recomputed in the door by
 * every write that feeds it) of the tenant that is overdue — since
 * OVERDUE_LOOKBACK_DAYS — or whose window is open and which is due within
 * DUE_SOON_HOURS: what the reminder sweep sends. Read in keyset pages of the
 * open-deadline index; the engine does not run here.
 */
export async function dueAndOverdueFor(tx: Tx, orgId: string, now: Date, orgZone: string): Promise<DueObligation[]> {
  const from = new Date(now.getTime() - OVERDUE_LOOKBACK_DAYS * 86_400_000);
  const to = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000);
  const out: DueObligation[] = [];
  let after: { dueAt: Date; id: string } | undefined;
  for (;;) {
    const page = await obligationsDueBetween(tx, orgId, { from, to, after, limit: PAGE });
    for (const { obligation: o, projectName, projectTimeZone } of page) {
      const overdue = o.dueAt.getTime() <= now.getTime();
      // Not yet open (a storm inspection's window starts when the storm qualifies): nothing to remind of yet.
      if (!overdue && o.opensAt.getTime() > now.getTime()) continue;
      out.push({
        kind: o.kind,
        part: o.part,
        why: o.reason,
        sourceId: o.sourceId,
        dueAt: o.dueAt,
        stage: overdue ? 'overdue' : 'due_soon',
        projectId: o.projectId,
        projectName,
        timeZone: projectTimeZone && isTimeZone(projectTimeZone) ? projectTimeZone : orgZone,
      });
    }
    if (page.length < PAGE) return out;
    const last = page.at(-1)!.obligation;
    after = { dueAt: last.dueAt, id: last.id };
  }
}
