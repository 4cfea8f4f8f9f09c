import 'server-only';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { cancelDeletion, getDeletionState, scheduleDeletion } from '@/db/org-deletion';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { JOBS } from '@/lib/jobs/queues';
import { DELETION_GRACE_DAYS } from './policy';

const DAY_MS = 86_400_000;

/**
 * An owner asks for the organization's deletion, having typed its name. The job is queued in
 * the same transaction to start after the grace period (pg-boss `startAfter`); until then any
 * owner can cancel. Audited.
 */
export async function requestOrganizationDeletion(tx: Tx, actor: Actor, typedName: string, now = new Date()) {
  const scheduledFor = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS);
  const current = await getDeletionState(tx, actor.orgId);
  if (!current) throw PublicError.notFound();
  if (typedName.trim() !== current.name.trim()) {
    throw PublicError.badRequest('The name you typed does not match this organization’s name. Nothing was changed.');
  }
  const { before, after } = await scheduleDeletion(tx, actor.orgId, actor.userId, scheduledFor);
  if (!before) throw PublicError.notFound();
  if (!after) throw PublicError.conflict('A deletion of this organization is already scheduled.');
  await enqueueJob(tx, JOBS.deleteOrganization, { orgId: actor.orgId }, { startAfterSeconds: Math.ceil((scheduledFor.getTime() - now.getTime()) / 1000) });
  await recordAudit(tx, actor, {
    action: 'request_deletion',
    entityType: 'organization',
    entityId: actor.orgId,
    before: { deletionScheduledFor: before.deletionScheduledFor },
    after: { deletionScheduledFor: after.deletionScheduledFor, deletionRequestedBy: after.deletionRequestedBy },
  });
  return { scheduledFor: after.deletionScheduledFor! };
}

/** Any owner, any time before the job has started. Audited. The queued job then finds nothing to do. */
export async function cancelOrganizationDeletion(tx: Tx, actor: Actor) {
  const { before, after } = await cancelDeletion(tx, actor.orgId);
  if (!before) throw PublicError.notFound();
  if (!after) throw PublicError.conflict(before.deletionStartedAt ? 'The deletion has already started and can no longer be cancelled.' : 'No deletion is scheduled.');
  await recordAudit(tx, actor, {
    action: 'cancel_deletion',
    entityType: 'organization',
    entityId: actor.orgId,
    before: { deletionScheduledFor: before.deletionScheduledFor, deletionRequestedBy: before.deletionRequestedBy },
    after: { deletionScheduledFor: null, deletionRequestedBy: null },
  });
  return { cancelled: true as const };
}
