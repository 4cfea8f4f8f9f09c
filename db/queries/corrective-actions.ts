import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { correctiveActions } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getViolation, violationTransitions } from './violations';

// A violation's corrective actions and routine maintenance (db/schema/violations.ts): the work that
// fixes it, each step stamped with who and when. Their statuses follow the violation's workflow.
export type CorrectiveAction = typeof correctiveActions.$inferSelect;
/** Which permit clock the work item runs on (db/schema/violations.ts). */
export type ActionKind = CorrectiveAction['kind'];

export async function listCorrectiveActions(tx: Tx, orgId: string, violationId: string) {
  return tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.violationId, violationId)))
    .orderBy(asc(correctiveActions.createdAt));
}

/** Like `createViolation`: a retried add with the same `idempotencyKey` returns the first row, one audit row. */
export async function createCorrectiveAction(
  tx: Tx,
  actor: Actor,
  values: {
    violationId: string;
    kind?: ActionKind;
    description: string;
    assignedTo?: string | null;
    dueAt: Date;
    idempotencyKey?: string;
  },
): Promise<CorrectiveAction | undefined> {
  if (!(await getViolation(tx, actor.orgId, values.violationId))) return undefined;
  const [row] = await tx
    .insert(correctiveActions)
    .values({ ...values, organizationId: actor.orgId, createdBy: actor.userId })
    .onConflictDoNothing({ target: [correctiveActions.organizationId, correctiveActions.idempotencyKey] })
    .returning();
  if (!row) {
    const [first] = await tx
      .select()
      .from(correctiveActions)
      .where(
        and(
          eq(correctiveActions.organizationId, actor.orgId),
          eq(correctiveActions.idempotencyKey, values.idempotencyKey!),
        ),
      );
    return first;
  }
  await recordAudit(tx, actor, { action: 'create', entityType: 'corrective_action', entityId: row.id, after: row });
  return row;
}

/** Each step stamps who and when: started, fixed, verified. */
export async function advanceCorrectiveAction(
  tx: Tx,
  actor: Actor,
  id: string,
  to: CorrectiveAction['status'],
  opts: { dryRun?: boolean; onlyAssignedTo?: string } = {},
): Promise<
  | { ok: true; action: CorrectiveAction }
  | { ok: false; reason: 'not_found' | 'conflict' | 'forbidden'; message?: string }
> {
  const [before] = await tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, actor.orgId), eq(correctiveActions.id, id)))
    .for('update');
  if (!before) return { ok: false, reason: 'not_found' };
  if (opts.onlyAssignedTo !== undefined && before.assignedTo !== opts.onlyAssignedTo) {
    return { ok: false, reason: 'forbidden', message: 'This corrective action is assigned to someone else.' };
  }
  if (!violationTransitions[before.status].includes(to)) {
    return {
      ok: false,
      reason: 'conflict',
      message: `Cannot move from ${before.status.replace('_', ' ')} to ${to.replace('_', ' ')}.`,
    };
  }
  if (opts.dryRun) return { ok: true, action: before };
  const now = new Date();
  const stamp =
    to === 'in_progress'
      ? { startedAt: now, startedBy: actor.userId }
      : to === 'fixed'
        ? { fixedAt: now, fixedBy: actor.userId }
        : to === 'verified'
          ? { verifiedAt: now, verifiedBy: actor.userId }
          : { fixedAt: null, fixedBy: null };
  const [after] = await tx
    .update(correctiveActions)
    .set({ ...stamp, status: to, updatedAt: now })
    .where(and(eq(correctiveActions.organizationId, actor.orgId), eq(correctiveActions.id, id)))
    .returning();
  await recordAudit(tx, actor, { action: 'transition', entityType: 'corrective_action', entityId: id, before, after });
  return { ok: true, action: after! };
}
