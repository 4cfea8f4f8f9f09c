import 'server-only';
import type { Actor } from '@/db/queries/audit';
import { createViolation, getViolationType, type Violation } from '@/db/queries/violations';
import type { Tx } from '@/db/tenant';
import type { CreateViolationInput } from '@/lib/zod/schemas/violations';

/** A violation's deadline when none was given: found-at plus the type's allowed days. */
export function defaultDeadline(foundAt: Date, days: number): Date {
  return new Date(foundAt.getTime() + days * 86_400_000);
}

/**
 * Record a violation for the action and the API alike. `undefined` when the
 * type, project, inspection or BMP category is not this tenant's (→ 404);
 * nothing is written then.
 */
export async function recordViolation(
  tx: Tx,
  actor: Actor,
  input: CreateViolationInput,
): Promise<Violation | undefined> {
  const type = await getViolationType(tx, actor.orgId, input.violationTypeId);
  if (!type) return undefined;
  return createViolation(tx, actor, {
    ...input,
    deadline: input.deadline ?? defaultDeadline(input.foundAt, type.defaultDeadlineDays),
  });
}
