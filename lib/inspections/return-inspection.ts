import 'server-only';
import type { Actor } from '@/db/queries/audit';
import { getSubmissionForInspection, reopenSubmission } from '@/db/queries/form-submissions';
import { returnInspection, type Inspection } from '@/db/queries/inspections';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';

/**
 * Return a submitted report to its author: the inspection and its form go
 * back to draft together, in the caller's one transaction, so the author can
 * edit the same answers and submit again. Signed reports are refused (the
 * row is immutable, db trigger `inspections_signed_immutable`).
 */
export async function returnInspectionToAuthor(
  tx: Tx,
  actor: Actor,
  input: { inspectionId: string; comment: string },
): Promise<Inspection> {
  const moved = await returnInspection(tx, actor, input.inspectionId, input.comment);
  if (!moved.ok)
    throw moved.reason === 'not_found'
      ? PublicError.notFound()
      : PublicError.conflict(moved.message ?? 'This inspection cannot be returned.');
  const form = await getSubmissionForInspection(tx, actor.orgId, input.inspectionId);
  if (form?.status === 'submitted') await reopenSubmission(tx, actor, form);
  return moved.inspection;
}
