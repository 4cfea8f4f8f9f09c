import 'server-only';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { getProject } from '@/db/queries/projects';
import { placeLegalHold, releaseLegalHold } from '@/db/queries/retention';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';

/**
 * Place a legal hold on the organization (no project) or on one of its projects. Audited. A
 * project id of another organization is a 404 before the insert (the composite foreign key
 * would refuse it too).
 */
export async function placeHold(tx: Tx, actor: Actor, input: { projectId?: string; reason: string }) {
  if (input.projectId && !(await getProject(tx, actor.orgId, input.projectId))) throw PublicError.notFound();
  const hold = await placeLegalHold(tx, actor, { projectId: input.projectId ?? null, reason: input.reason });
  await recordAudit(tx, actor, { action: 'place_hold', entityType: 'legal_hold', entityId: hold.id, after: { projectId: hold.projectId, reason: hold.reason } });
  return hold;
}

/** Release a hold in force. Audited. Another org's hold, or one already released, is a 404. */
export async function releaseHold(tx: Tx, actor: Actor, holdId: string) {
  const hold = await releaseLegalHold(tx, actor, holdId);
  if (!hold) throw PublicError.notFound();
  await recordAudit(tx, actor, {
    action: 'release_hold',
    entityType: 'legal_hold',
    entityId: hold.id,
    before: { projectId: hold.projectId, reason: hold.reason, releasedAt: null },
    after: { projectId: hold.projectId, reason: hold.reason, releasedAt: hold.releasedAt },
  });
  return hold;
}
