import 'server-only';
import { and, eq } from 'drizzle-orm';
import { violations } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { createCorrectiveAction, type ActionKind, type CorrectiveAction } from './corrective-actions';
import type { Violation } from './violations';

/**
 * Findings: violations a crew member recorded in the `reported` state. A
 * reviewer confirms one (→ `open`, with its deadline and a corrective action,
 * in one transaction) or dismisses it with a reason (→ `dismissed`). Both are
 * one-time decisions: a finding already reviewed is a conflict.
 */
export type FindingReview =
  | { ok: true; violation: Violation; action?: CorrectiveAction }
  | { ok: false; reason: 'not_found' | 'conflict'; message?: string };

async function lockReported(tx: Tx, orgId: string, id: string): Promise<Violation | FindingReview> {
  const [row] = await tx
    .select()
    .from(violations)
    .where(and(eq(violations.organizationId, orgId), eq(violations.id, id)))
    .for('update');
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.status !== 'reported') {
    return { ok: false, reason: 'conflict', message: 'This finding was already reviewed.' };
  }
  return row;
}

const isRow = (r: Violation | FindingReview): r is Violation => 'organizationId' in r;

/** Confirm a reported finding: an open violation with `deadline`, and the corrective action that fixes it. */
export async function confirmFinding(
  tx: Tx,
  actor: Actor,
  id: string,
  values: { deadline: Date; kind?: ActionKind; description: string; assignedTo?: string | null; dueAt: Date; idempotencyKey?: string },
): Promise<FindingReview> {
  const before = await lockReported(tx, actor.orgId, id);
  if (!isRow(before)) return before;
  if (values.deadline <= before.foundAt) {
    return { ok: false, reason: 'conflict', message: 'The deadline must be after the time the finding was recorded.' };
  }
  const now = new Date();
  const [after] = await tx
    .update(violations)
    .set({ status: 'open', deadline: values.deadline, reviewedBy: actor.userId, reviewedAt: now, updatedAt: now })
    .where(and(eq(violations.organizationId, actor.orgId), eq(violations.id, id)))
    .returning();
  await recordAudit(tx, actor, { action: 'transition', entityType: 'violation', entityId: id, before, after });
  const action = await createCorrectiveAction(tx, actor, {
    violationId: id,
    kind: values.kind,
    description: values.description,
    assignedTo: values.assignedTo ?? null,
    dueAt: values.dueAt,
    idempotencyKey: values.idempotencyKey,
  });
  return { ok: true, violation: after!, action };
}

/** Dismiss a reported finding (not a violation after all); the reason is kept on the row and in the audit log. */
export async function dismissFinding(tx: Tx, actor: Actor, id: string, reason: string): Promise<FindingReview> {
  const before = await lockReported(tx, actor.orgId, id);
  if (!isRow(before)) return before;
  const now = new Date();
  const [after] = await tx
    .update(violations)
    .set({ status: 'dismissed', dismissedReason: reason, reviewedBy: actor.userId, reviewedAt: now, updatedAt: now })
    .where(and(eq(violations.organizationId, actor.orgId), eq(violations.id, id)))
    .returning();
  await recordAudit(tx, actor, { action: 'transition', entityType: 'violation', entityId: id, before, after });
  return { ok: true, violation: after! };
}
