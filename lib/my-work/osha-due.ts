import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { oshaChecklistsSince } from '@/db/queries/my-work';
import type { Tx } from '@/db/tenant';
import { checklistsOfSites, type ProjectChecklistDue } from './osha-sites';

/**
 * The OSHA checklists' due state per active project (or one project): the
 * daily site safety checklist before work starts each workday, the weekly site
 * inspection by the end of the work week (rules and references in
 * lib/compliance/osha-checklists.ts), met by the checklists submitted on that
 * project. The submit's instant counts, not the form's date (which has no
 * time): a checklist queued offline counts when it arrives. Read on request,
 * not stored: the rules need only the clock and this week's checklists.
 */
export async function oshaDueByProject(tx: Tx, orgId: string, now: Date, projectId?: string): Promise<ProjectChecklistDue[]> {
  // Issued together: pipelined on the transaction's connection. Eight days back covers the current
  // local week in every zone (a week starts on Monday).
  const [orgZone, { sites, done }] = await Promise.all([
    orgTimeZone(tx, orgId),
    oshaChecklistsSince(tx, orgId, new Date(now.getTime() - 8 * 86_400_000), projectId),
  ]);
  return checklistsOfSites({ now, orgZone, sites, done });
}
