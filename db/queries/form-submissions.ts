import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { formSubmissions } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

export type FormSubmission = typeof formSubmissions.$inferSelect;

/** The form of an inspection (its newest submission), if it has one. */
export async function getSubmissionForInspection(tx: Tx, orgId: string, inspectionId: string) {
  const [row] = await tx
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.organizationId, orgId), eq(formSubmissions.inspectionId, inspectionId)))
    .orderBy(desc(formSubmissions.createdAt), desc(formSubmissions.id))
    .limit(1);
  return row;
}

export async function getSubmissionByIdempotencyKey(tx: Tx, orgId: string, key: string) {
  const [row] = await tx
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.organizationId, orgId), eq(formSubmissions.idempotencyKey, key)))
    .limit(1);
  return row;
}

/** The row a save will change, locked until commit so two saves of one form serialize. */
export async function lockSubmission(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.organizationId, orgId), eq(formSubmissions.id, id)))
    .for('update');
  return row;
}

type SubmissionState = Pick<FormSubmission, 'data' | 'status' | 'submittedAt'>;

/** A new state for a draft (see lib/forms/save-submission.ts), audited as an update or the submit. */
export async function updateSubmission(tx: Tx, actor: Actor, before: FormSubmission, state: SubmissionState) {
  const [after] = await tx
    .update(formSubmissions)
    .set({ ...state, updatedAt: new Date() })
    .where(and(eq(formSubmissions.organizationId, actor.orgId), eq(formSubmissions.id, before.id)))
    .returning();
  await recordAudit(tx, actor, {
    action: state.status === 'submitted' ? 'submit' : 'update',
    entityType: 'form_submission',
    entityId: before.id,
    before,
    after,
  });
  return after!;
}

/** A returned inspection's form is a draft again, answers kept, so its author can edit and resubmit. */
export async function reopenSubmission(tx: Tx, actor: Actor, before: FormSubmission) {
  return updateSubmission(tx, actor, before, { data: before.data, status: 'draft', submittedAt: null });
}

/**
 * A new submission. `idempotencyKey` (generated when the form is opened) makes
 * a retried create return the first row: `insert … on conflict do nothing`,
 * then read it back (`replayed`). `undefined` when the key's row is not
 * visible to this tenant.
 */
export async function insertSubmission(
  tx: Tx,
  actor: Actor,
  input: SubmissionState & {
    templateId: string;
    projectId: string;
    inspectionId: string | null;
    idempotencyKey: string;
  },
): Promise<{ submission: FormSubmission; replayed: boolean } | undefined> {
  const [row] = await tx
    .insert(formSubmissions)
    .values({ organizationId: actor.orgId, ...input, submittedBy: actor.userId })
    .onConflictDoNothing({ target: [formSubmissions.organizationId, formSubmissions.idempotencyKey] })
    .returning();
  if (!row) {
    const [existing] = await tx
      .select()
      .from(formSubmissions)
      .where(
        and(eq(formSubmissions.organizationId, actor.orgId), eq(formSubmissions.idempotencyKey, input.idempotencyKey)),
      );
    return existing ? { submission: existing, replayed: true } : undefined;
  }
  await recordAudit(tx, actor, {
    action: input.status === 'submitted' ? 'submit' : 'create',
    entityType: 'form_submission',
    entityId: row.id,
    after: row,
  });
  return { submission: row, replayed: false };
}
