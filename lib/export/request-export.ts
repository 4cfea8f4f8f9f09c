import 'server-only';
import type { Actor } from '@/db/queries/audit';
import { failStaleExports, insertExport, type DataExport } from '@/db/queries/exports';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { JOBS } from '@/lib/jobs/queues';
import { EXPORT_INTERRUPTED_MESSAGE, EXPORT_RUNNING_MESSAGE, EXPORT_STALE_AFTER_MS } from './policy';

/**
 * An owner or admin starts an export: a running export whose worker died (no heartbeat for
 * EXPORT_STALE_AFTER_MS) is failed first, with the message the page shows; then one queued row
 * (the partial unique index allows one queued or running per org) and its job, in the same
 * transaction. Audited (db/queries/exports.ts).
 */
export async function requestOrganizationExport(tx: Tx, actor: Actor, now = new Date()): Promise<DataExport> {
  await failStaleExports(tx, actor, new Date(now.getTime() - EXPORT_STALE_AFTER_MS), EXPORT_INTERRUPTED_MESSAGE);
  const row = await insertExport(tx, actor);
  if (!row) throw PublicError.conflict(EXPORT_RUNNING_MESSAGE);
  await enqueueJob(tx, JOBS.exportOrganization, { orgId: actor.orgId, id: row.id });
  return row;
}
