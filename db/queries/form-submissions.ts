import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
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

/**
 * JSON with object keys sorted: jsonb stores keys in its own order, so a
 * replayed submit compares equal to the stored data whatever order it came in.
 */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

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
  input: {
    templateId: string;
    projectId: string;
    inspectionId?: string | null;
    data: unknown;
    submit: boolean;
    idempotencyKey: string;
    id?: string;
  },
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
      return input.submit && stableJson(before.data) === stableJson(parsed.data)
        ? { ok: true, submission: before, replayed: true }
        : { ok: false, reason: 'conflict', message: 'This form was already submitted.' };
    }
    const [after] = await tx
      .update(formSubmissions)
      .set({ data: parsed.data, status, submittedAt, updatedAt: new Date() })
      .where(and(eq(formSubmissions.organizationId, actor.orgId), eq(formSubmissions.id, input.id)))
      .returning();
    await recordAudit(tx, actor, {
      action: input.submit ? 'submit' : 'update',
      entityType: 'form_submission',
      entityId: input.id,
      before,
      after,
    });
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
      .where(
        and(eq(formSubmissions.organizationId, actor.orgId), eq(formSubmissions.idempotencyKey, input.idempotencyKey)),
      );
    return existing ? { ok: true, submission: existing, replayed: true } : { ok: false, reason: 'not_found' };
  }
  await recordAudit(tx, actor, {
    action: input.submit ? 'submit' : 'create',
    entityType: 'form_submission',
    entityId: row.id,
    after: row,
  });
  return { ok: true, submission: row, replayed: false };
}
