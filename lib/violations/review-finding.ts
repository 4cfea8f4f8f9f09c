import 'server-only';
import type { Actor } from '@/db/queries/audit';
import { listMembers } from '@/db/queries/audit';
import { confirmFinding, dismissFinding, type FindingReview } from '@/db/queries/findings';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { KEY_REUSED } from '@/lib/validation/idempotency-key';
import type { confirmFindingSchema, dismissFindingSchema } from '@/lib/zod/schemas/violations';
import type { z } from 'zod';

function orThrow(r: FindingReview): Extract<FindingReview, { ok: true }> {
  if (r.ok) return r;
  throw r.reason === 'not_found' ? PublicError.notFound() : PublicError.conflict(r.message ?? 'This finding was already reviewed.');
}

/**
 * Confirm a reported finding for the action and the API alike: the assignee
 * must be a member of this organization (another org's user is a 404, like
 * any foreign id); the violation becomes open with its deadline and the
 * corrective action, in the caller's one transaction.
 */
export async function confirmReportedFinding(
  tx: Tx,
  ctx: TenantContext,
  actor: Actor,
  input: z.output<typeof confirmFindingSchema>,
) {
  if (input.assignedTo && !(await listMembers(tx, ctx.orgId)).some((m) => m.userId === input.assignedTo)) {
    throw PublicError.notFound('That person is not a member of this organization.');
  }
  const { id, ...values } = input;
  const done = orThrow(await confirmFinding(tx, actor, id, values));
  if (!done.action || done.action.violationId !== id) throw PublicError.conflict(KEY_REUSED);
  return { id, status: done.violation.status, correctiveActionId: done.action.id };
}

/** Dismiss a reported finding with its reason. */
export async function dismissReportedFinding(tx: Tx, actor: Actor, input: z.output<typeof dismissFindingSchema>) {
  const done = orThrow(await dismissFinding(tx, actor, input.id, input.reason));
  return { id: input.id, status: done.violation.status };
}
