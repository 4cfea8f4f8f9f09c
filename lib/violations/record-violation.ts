import 'server-only';
import type { Actor } from '@/db/queries/audit';
import { createViolation, getViolationType, type Violation } from '@/db/queries/violations';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { KEY_REUSED } from '@/lib/validation/idempotency-key';
import type { CreateViolationInput, RecordFindingInput } from '@/lib/zod/schemas/violations';

/** A violation's deadline when none was given: found-at plus the type's allowed days. */
function defaultDeadline(foundAt: Date, days: number): Date {
  return new Date(foundAt.getTime() + days * 86_400_000);
}

/**
 * Record a violation for the action and the API alike. `undefined` when the
 * type, project, inspection or BMP category is not this tenant's (→ 404);
 * nothing is written then. A retry with the same `idempotencyKey` returns the
 * first violation; the same key for another project is a 409.
 */
export async function recordViolation(
  tx: Tx,
  actor: Actor,
  input: CreateViolationInput,
): Promise<Violation | undefined> {
  const type = await getViolationType(tx, actor.orgId, input.violationTypeId);
  if (!type) return undefined;
  const violation = await createViolation(tx, actor, {
    ...input,
    deadline: input.deadline ?? defaultDeadline(input.foundAt, type.defaultDeadlineDays),
  });
  if (violation && violation.projectId !== input.projectId) throw PublicError.conflict(KEY_REUSED);
  return violation;
}

/**
 * A crew member's finding: a violation in the `reported` state. Its deadline
 * is provisional (the type's default) until a reviewer confirms it and sets
 * the real one (db/queries/findings.ts). Same 404 and retry rules as above.
 */
export async function recordFinding(tx: Tx, actor: Actor, input: RecordFindingInput): Promise<Violation | undefined> {
  const type = await getViolationType(tx, actor.orgId, input.violationTypeId);
  if (!type) return undefined;
  const violation = await createViolation(tx, actor, {
    ...input,
    status: 'reported',
    deadline: defaultDeadline(input.foundAt, type.defaultDeadlineDays),
  });
  if (violation && violation.projectId !== input.projectId) throw PublicError.conflict(KEY_REUSED);
  return violation;
}
