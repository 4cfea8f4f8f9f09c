import 'server-only';
import type { Actor } from '@/db/queries/audit';
import type { Tx } from '@/db/tenant';
import type { FormFieldErrors } from '@/lib/zod/schemas/forms';
import type { InspectionType } from '@/lib/zod/schemas/inspections';
import { startInspection, submitInspectionForm } from './inspection-form';

export type CompletedOutcome =
  | { status: 'submitted'; inspectionId: string; replayed: boolean }
  | { status: 'invalid'; fieldErrors: FormFieldErrors };

/**
 * An inspection filled entirely on the device (no signal when it was
 * started): start it and submit its form in the caller's one transaction.
 * The device's idempotency key makes a resend answer with the first record.
 * If the record changed meanwhile (submitted with other answers, signed), the
 * submit is refused with a conflict the crew sees; the device keeps its copy.
 */
export async function recordCompletedInspection(
  tx: Tx,
  actor: Actor,
  input: { projectId: string; type: InspectionType; idempotencyKey: string; data: Record<string, unknown> },
): Promise<CompletedOutcome> {
  const { inspection, replayed } = await startInspection(tx, actor, input);
  const outcome = await submitInspectionForm(tx, actor, { inspectionId: inspection.id, data: input.data });
  if (outcome.status === 'invalid') return outcome;
  return { status: 'submitted', inspectionId: inspection.id, replayed: replayed || outcome.replayed };
}
