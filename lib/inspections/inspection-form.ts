import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '@/db/queries/audit';
import {
  getSubmissionByIdempotencyKey,
  getSubmissionForInspection,
  type FormSubmission,
} from '@/db/queries/form-submissions';
import {
  amendInspection,
  createInspection,
  getAmendmentOf,
  getInspection,
  submitInspection,
  updateInspection,
  type Inspection,
} from '@/db/queries/inspections';
import { getFileSettings, storedPhotosByBmpItem } from '@/db/queries/files';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { saveSubmission } from '@/lib/forms/save-submission';
import { currentTemplate, templateVersion } from '@/lib/forms/cached-templates';
import { getTemplate, type FormTemplate } from '@/lib/forms/templates';
import type { FormFieldErrors } from '@/lib/zod/schemas/forms';
import type { InspectionType, patchInspectionSchema } from '@/lib/zod/schemas/inspections';
import type { z } from 'zod';
import {
  formTypeOf,
  initialFormData,
  LEGACY_TYPE_FIELD,
  summaryFromForm,
  templateKeyOf,
  withoutSignatures,
  withRowType,
} from './form-mapping';
import { missingFailedBmpPhotos } from './failed-bmps';

type InspectionPatch = z.output<typeof patchInspectionSchema>;

/**
 * An inspection and its form: the inspection row is the legal record (status,
 * certification, summary columns); its form_submission holds everything the
 * crew typed, validated against the exact template version it was opened
 * from. Both change together, in the caller's one transaction.
 */

export type SaveOutcome = { status: 'saved'; savedAt: string } | { status: 'invalid'; fieldErrors: FormFieldErrors };
export type SubmitOutcome =
  | { status: 'submitted'; inspectionId: string; replayed: boolean }
  | { status: 'invalid'; fieldErrors: FormFieldErrors };

async function requireInspection(tx: Tx, orgId: string, id: string): Promise<Inspection> {
  const inspection = await getInspection(tx, orgId, id);
  if (!inspection) throw PublicError.notFound();
  return inspection;
}

async function requireForm(tx: Tx, orgId: string, inspectionId: string): Promise<FormSubmission> {
  const form = await getSubmissionForInspection(tx, orgId, inspectionId);
  if (!form) throw PublicError.conflict('This inspection has no form to fill.');
  return form;
}

/** The form's data with the legacy type question answered from the row (asked once, at start). */
async function rowTyped(tx: Tx, actor: Actor, inspection: Inspection, form: FormSubmission, data: Record<string, unknown>) {
  const template = await templateVersion(tx, actor, form.templateId);
  return template ? withRowType(template.schema, inspection.type, data) : data;
}

/**
 * "New inspection": a draft inspection plus a draft form from the current
 * template of its type (the EPA report, or an OSHA checklist). `idempotencyKey` comes from the client when the page opens, so a
 * double tap or a retry over a bad connection returns the first inspection.
 */
export async function startInspection(
  tx: Tx,
  actor: Actor,
  input: { projectId: string; type: InspectionType; idempotencyKey: string },
): Promise<{ inspection: Inspection; replayed: boolean }> {
  // Two concurrent starts with one key serialize here (released at commit).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${actor.orgId}:${input.idempotencyKey}`}, 0))`);
  const existing = await getSubmissionByIdempotencyKey(tx, actor.orgId, input.idempotencyKey);
  if (existing?.inspectionId) {
    const inspection = await getInspection(tx, actor.orgId, existing.inspectionId);
    // A replay is the same request again; the key with another project or type is a different one.
    if (inspection && (inspection.projectId !== input.projectId || inspection.type !== input.type)) {
      throw PublicError.conflict('This request key was already used for another inspection.');
    }
    if (inspection) return { inspection, replayed: true };
  }
  if (existing) throw PublicError.conflict('This request was already used for another form.');

  const template = await currentTemplate(tx, actor, templateKeyOf(input.type));
  if (!template)
    throw PublicError.conflict(
      'This organization has no form template for this kind of inspection yet. Ask an administrator to set up form templates.',
    );
  const inspection = await createInspection(tx, actor, input.projectId, { type: input.type });
  if (!inspection) throw PublicError.notFound('Project not found.');
  const saved = await saveSubmission(tx, actor, {
    templateId: template.id,
    projectId: input.projectId,
    inspectionId: inspection.id,
    data: initialFormData(template.schema, input.type),
    submit: false,
    idempotencyKey: input.idempotencyKey,
  });
  if (!saved.ok) throw new Error(`could not open the inspection form: ${saved.reason}`);
  return { inspection, replayed: false };
}

/** Autosave: the draft form's data (types checked, required fields not yet). */
export async function saveInspectionDraft(
  tx: Tx,
  actor: Actor,
  input: { inspectionId: string; data: Record<string, unknown> },
): Promise<SaveOutcome> {
  const inspection = await requireInspection(tx, actor.orgId, input.inspectionId);
  if (inspection.status !== 'draft')
    throw PublicError.conflict('This inspection was already submitted; its form can no longer change.');
  const form = await requireForm(tx, actor.orgId, inspection.id);
  const saved = await saveSubmission(tx, actor, {
    id: form.id,
    templateId: form.templateId,
    projectId: form.projectId,
    inspectionId: inspection.id,
    data: await rowTyped(tx, actor, inspection, form, input.data),
    submit: false,
    idempotencyKey: form.idempotencyKey ?? form.id,
  });
  if (saved.ok) return { status: 'saved', savedAt: saved.submission.updatedAt.toISOString() };
  if (saved.reason === 'invalid') return { status: 'invalid', fieldErrors: saved.fieldErrors };
  if (saved.reason === 'not_found') throw PublicError.notFound();
  throw PublicError.conflict(saved.message);
}

/**
 * Submit the form and the inspection together: the form is validated against
 * its template version, then the inspection moves draft → submitted with the
 * summary columns copied from the form. A retried submit (same data) is
 * answered with the first result and writes nothing.
 */
export async function submitInspectionForm(
  tx: Tx,
  actor: Actor,
  input: { inspectionId: string; data: Record<string, unknown> },
): Promise<SubmitOutcome> {
  const inspection = await requireInspection(tx, actor.orgId, input.inspectionId);
  const form = await requireForm(tx, actor.orgId, inspection.id);
  if (inspection.status !== 'draft' && form.status !== 'submitted')
    throw PublicError.conflict('This inspection was already submitted.');
  const photoRule = await failedBmpPhotoErrors(tx, actor, form, input.data);
  if (photoRule) return { status: 'invalid', fieldErrors: photoRule };
  const saved = await saveSubmission(tx, actor, {
    id: form.id,
    templateId: form.templateId,
    projectId: form.projectId,
    inspectionId: inspection.id,
    data: await rowTyped(tx, actor, inspection, form, input.data),
    submit: true,
    idempotencyKey: form.idempotencyKey ?? form.id,
  });
  if (!saved.ok) {
    if (saved.reason === 'invalid') return { status: 'invalid', fieldErrors: saved.fieldErrors };
    if (saved.reason === 'not_found') throw PublicError.notFound();
    throw PublicError.conflict(saved.message);
  }
  if (saved.replayed) return { status: 'submitted', inspectionId: inspection.id, replayed: true };

  const template = (await templateVersion(tx, actor, form.templateId))!;
  const summary = summaryFromForm(template.schema, saved.submission.data as Record<string, unknown>);
  const moved = await submitInspection(tx, actor, inspection.id, summary);
  if (!moved.ok)
    throw moved.reason === 'not_found'
      ? PublicError.notFound()
      : PublicError.conflict(moved.message ?? 'This inspection was already submitted.');
  return { status: 'submitted', inspectionId: inspection.id, replayed: false };
}

/** The org's failed-BMP photo rule, checked before anything is written; `null` when it is off or met. */
async function failedBmpPhotoErrors(
  tx: Tx,
  actor: Actor,
  form: FormSubmission,
  data: Record<string, unknown>,
): Promise<FormFieldErrors | null> {
  if (form.status === 'submitted' || !(await getFileSettings(tx, actor.orgId)).failedBmpRequiresPhoto) return null;
  const template = await templateVersion(tx, actor, form.templateId);
  if (!template) return null;
  const counts = new Map((await storedPhotosByBmpItem(tx, actor.orgId, form.inspectionId!)).map((r) => [r.item, r.n]));
  const errors = missingFailedBmpPhotos(template.schema, data, counts);
  return Object.keys(errors).length ? errors : null;
}

/**
 * A correction of a signed record: a new draft revision pointing at it, with
 * a copy of its form (signatures removed, to be signed again). One amendment
 * per revision, so the chain stays a line.
 */
export async function amendInspectionWithForm(tx: Tx, actor: Actor, inspectionId: string): Promise<Inspection> {
  const original = await requireInspection(tx, actor.orgId, inspectionId);
  const already = await getAmendmentOf(tx, actor.orgId, original.id);
  if (already) throw PublicError.conflict(`This inspection already has an amendment (revision ${already.revision}).`);
  const amended = await amendInspection(tx, actor, original.id);
  if (!amended.ok)
    throw amended.reason === 'not_found'
      ? PublicError.notFound()
      : PublicError.conflict(amended.message ?? 'Cannot amend.');
  const form = await getSubmissionForInspection(tx, actor.orgId, original.id);
  if (form) {
    const template = (await templateVersion(tx, actor, form.templateId))!;
    const saved = await saveSubmission(tx, actor, {
      templateId: form.templateId,
      projectId: form.projectId,
      inspectionId: amended.inspection.id,
      data: withoutSignatures(template.schema, form.data as Record<string, unknown>),
      submit: false,
      idempotencyKey: randomUUID(),
    });
    if (!saved.ok) throw new Error(`could not copy the form: ${saved.reason}`);
  }
  return amended.inspection;
}

export interface InspectionDetail {
  inspection: Inspection;
  form: { submission: FormSubmission; template: FormTemplate } | null;
}

/** An inspection with its form and the template version it was made from; `undefined` when not this tenant's. */
export async function getInspectionDetail(tx: Tx, orgId: string, id: string): Promise<InspectionDetail | undefined> {
  const inspection = await getInspection(tx, orgId, id);
  if (!inspection) return undefined;
  const submission = await getSubmissionForInspection(tx, orgId, id);
  const template = submission ? await getTemplate(tx, orgId, submission.templateId) : undefined;
  return { inspection, form: submission && template ? { submission, template } : null };
}

/**
 * API edit of a draft's summary fields; mirrored into its form so the form and
 * the row agree when it is submitted. Signed or submitted rows are refused.
 */
export async function patchInspectionDraft(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: InspectionPatch,
): Promise<Inspection> {
  const inspection = await requireInspection(tx, actor.orgId, id);
  if (inspection.status !== 'draft')
    throw PublicError.conflict('Only a draft can be edited; amend a signed inspection instead.');
  if (patch.type && templateKeyOf(patch.type) !== templateKeyOf(inspection.type))
    throw PublicError.badRequest('This type uses another form; start a new inspection of that type instead.');
  const { rainGaugeInches, ...rest } = patch;
  const updated = await updateInspection(tx, actor, id, {
    ...rest,
    ...(rainGaugeInches !== undefined ? { rainGaugeInches: rainGaugeInches.toFixed(2) } : {}),
  });
  if (!updated.ok)
    throw updated.reason === 'not_found'
      ? PublicError.notFound()
      : PublicError.conflict(updated.message ?? 'Cannot edit.');
  const form = await getSubmissionForInspection(tx, actor.orgId, id);
  if (form && form.status === 'draft') {
    const mirrored: Record<string, unknown> = {
      ...(patch.type && LEGACY_TYPE_FIELD in (form.data as Record<string, unknown>)
        ? { [LEGACY_TYPE_FIELD]: formTypeOf(patch.type) }
        : {}),
      ...(patch.inspectedAt ? { inspection_date: patch.inspectedAt.toISOString().slice(0, 10) } : {}),
      ...(patch.findings !== undefined ? { conditions_requiring_action: patch.findings } : {}),
      ...(patch.areasNotInspected !== undefined ? { areas_not_inspected: patch.areasNotInspected } : {}),
      ...(rainGaugeInches !== undefined ? { rain_gauge_inches: rainGaugeInches } : {}),
    };
    if (Object.keys(mirrored).length) {
      const saved = await saveSubmission(tx, actor, {
        id: form.id,
        templateId: form.templateId,
        projectId: form.projectId,
        inspectionId: id,
        data: { ...(form.data as Record<string, unknown>), ...mirrored },
        submit: false,
        idempotencyKey: form.idempotencyKey ?? form.id,
      });
      if (!saved.ok) {
        const detail =
          saved.reason === 'invalid'
            ? Object.entries(saved.fieldErrors)
                .map(([k, v]) => `${k}: ${v.join(', ')}`)
                .join('; ')
            : saved.reason;
        throw PublicError.badRequest(`The inspection form does not accept this change (${detail}).`);
      }
    }
  }
  return updated.inspection;
}
