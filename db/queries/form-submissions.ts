import 'server-only';
import { and, eq } from 'drizzle-orm';
import { submissionSchemaFor } from '@/lib/forms/submission-schema';
import { formSubmissions } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getTemplate } from './form-templates';
import { getInspection } from './inspections';
import { getProject } from './projects';

export type FormSubmission = typeof formSubmissions.$inferSelect;

export type SaveResult =
  | { ok: true; submission: FormSubmission; replayed: boolean }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; message: string }
  | { ok: false; reason: 'invalid'; fieldErrors: Record<string, string[]> };

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export async function getSubmission(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(formSubmissions)
    .where(and(eq(formSubmissions.organizationId, orgId), eq(formSubmissions.id, id)))
    .limit(1);
  return row;
}

/**
 * Create or update a submission, validated against the exact template version.
 * `idempotencyKey` (generated when the form is opened) makes a retried create
 * return the first row: `insert … on conflict do nothing`, then read it back.
 */
export async function saveSubmission(
  tx: Tx,
  actor: Actor,
  input: { templateId: string; projectId: string; inspectionId?: string | null; data: unknown; submit: boolean; idempotencyKey: string; id?: string },
): Promise<SaveResult> {
  const [template, project, inspection] = await Promise.all([
    getTemplate(tx, actor.orgId, input.templateId),
    getProject(tx, actor.orgId, input.projectId),
    input.inspectionId ? getInspection(tx, actor.orgId, input.inspectionId) : Promise.resolve(null),
  ]);
  if (!template || !project || inspection === undefined) return { ok: false, reason: 'not_found' };

  const parsed = submissionSchemaFor(template.schema, input.submit ? 'submit' : 'draft').safeParse(input.data);
  if (!parsed.success) return { ok: false, reason: 'invalid', fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const status = input.submit ? 'submitted' : 'draft';
  const submittedAt = input.submit ? new Date() : null;

  if (input.id) {
    const [before] = await tx
      .select()
      .from(formSubmissions)
      .where(and(eq(formSubmissions.organizationId, actor.orgId), eq(formSubmissions.id, input.id)))
      .for('update');
    if (!before || before.templateId !== template.id) return { ok: false, reason: 'not_found' };
    if (before.status === 'submitted') {
      // A retried submit of the same form is not an error; a change after submitting is.
      return input.submit && JSON.stringify(before.data) === JSON.stringify(parsed.data)
        ? { ok: true, submission: before, replayed: true }
        : { ok: false, reason: 'conflict', message: 'This form was already submitted.' };
    }
    const [after] = await tx
      .update(formSubmissions)
      .set({ data: parsed.data, status, submittedAt, updatedAt: new Date() })
      .where(and(eq(formSubmissions.organizationId, actor.orgId), eq(formSubmissions.id, input.id)))
      .returning();
    await recordAudit(tx, actor, { action: input.submit ? 'submit' : 'update', entityType: 'form_submission', entityId: input.id, before, after });
    return { ok: true, submission: after!, replayed: false };
  }

  const [row] = await tx
    .insert(formSubmissions)
    .values({
      organizationId: actor.orgId,
      templateId: template.id,
      projectId: project.id,
      inspectionId: inspection?.id ?? null,
      data: parsed.data,
      status,
      submittedAt,
      idempotencyKey: input.idempotencyKey,
      submittedBy: actor.userId,
    })
    .onConflictDoNothing({ target: [formSubmissions.organizationId, formSubmissions.idempotencyKey] })
    .returning();
  if (!row) {
    const [existing] = await tx
      .select()
      .from(formSubmissions)
      .where(and(eq(formSubmissions.organizationId, actor.orgId), eq(formSubmissions.idempotencyKey, input.idempotencyKey)));
    return existing ? { ok: true, submission: existing, replayed: true } : { ok: false, reason: 'not_found' };
  }
  await recordAudit(tx, actor, { action: input.submit ? 'submit' : 'create', entityType: 'form_submission', entityId: row.id, after: row });
  return { ok: true, submission: row, replayed: false };
}
