import 'server-only';
import type { Actor } from '@/db/queries/audit';
import { insertSubmission, lockSubmission, updateSubmission, type FormSubmission } from '@/db/queries/form-submissions';
import { getInspection } from '@/db/queries/inspections';
import { getProject } from '@/db/queries/projects';
import type { Tx } from '@/db/tenant';
import { fieldErrorsOf, submissionSchemaFor } from './submission-schema';
import { getTemplate } from './templates';

export type SaveResult =
  | { ok: true; submission: FormSubmission; replayed: boolean }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; message: string }
  | { ok: false; reason: 'invalid'; fieldErrors: Record<string, string[]> };

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

/**
 * Create or update a submission, validated against the exact template version.
 * `idempotencyKey` (generated when the form is opened) makes a retried create
 * return the first row (db/queries/form-submissions.ts insertSubmission).
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
  const state = {
    data: parsed.data,
    status: input.submit ? ('submitted' as const) : ('draft' as const),
    submittedAt: input.submit ? new Date() : null,
  };

  if (input.id) {
    const before = await lockSubmission(tx, actor.orgId, input.id);
    if (!before || before.templateId !== template.id) return { ok: false, reason: 'not_found' };
    if (before.status === 'submitted') {
      // A retried submit of the same form is not an error; a change after submitting is.
      return input.submit && stableJson(before.data) === stableJson(parsed.data)
        ? { ok: true, submission: before, replayed: true }
        : { ok: false, reason: 'conflict', message: 'This form was already submitted.' };
    }
    return { ok: true, submission: await updateSubmission(tx, actor, before, state), replayed: false };
  }

  const inserted = await insertSubmission(tx, actor, {
    ...state,
    templateId: template.id,
    projectId: project.id,
    inspectionId: inspection?.id ?? null,
    idempotencyKey: input.idempotencyKey,
  });
  return inserted ? { ok: true, ...inserted } : { ok: false, reason: 'not_found' };
}
