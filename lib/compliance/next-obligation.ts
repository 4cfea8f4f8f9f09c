import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { nextObligationFor } from '@/db/queries/obligations';
import { getProject } from '@/db/queries/projects';
import type { Tx } from '@/db/tenant';
import { isTimeZone } from '@/lib/format/when';
import { toItem, type ObligationItem } from './obligation-view';

/**
 * "Next due" of one project (its earliest open obligation, overdue first),
 * with the reason and permit part: one indexed row. `null` when nothing is
 * open, or the project is not this tenant's.
 */
export async function nextObligation(tx: Tx, orgId: string, projectId: string, now = new Date()): Promise<ObligationItem | null> {
  const row = await nextObligationFor(tx, orgId, projectId);
  if (!row) return null;
  const project = await getProject(tx, orgId, projectId);
  if (!project) return null;
  const zone = project.timeZone && isTimeZone(project.timeZone) ? project.timeZone : await orgTimeZone(tx, orgId);
  return toItem({ obligation: row, projectName: project.name, projectTimeZone: zone }, now, zone);
}
