import { z } from 'zod';
import { checkbox, optionalText } from '@/lib/zod/field-helpers';
import { DOCUMENT_CONTENT_TYPES, FILE_RULES, formatBytes, PHOTO_CONTENT_TYPES } from '@/lib/storage/rules';

const fileName = z
  .string({ error: 'A file name is required.' })
  .trim()
  .min(1, 'A file name is required.')
  .max(200, 'The file name must be at most 200 characters.')
  // Control characters would end up in a Content-Disposition header.
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'The file name contains control characters.');

const size = (max: number) =>
  z.coerce
    .number({ error: 'The file size is required.' })
    .int('The file size must be a whole number of bytes.')
    .min(1, 'The file is empty.')
    .max(max, `The file is too large: the limit is ${formatBytes(max)}.`);

const typeOf = (types: [string, ...string[]], what: string) =>
  z.enum(types, { error: `This type of file can't be attached as ${what}. Allowed: ${types.join(', ')}.` });

const photoUploadFields = z.object({
  inspectionId: z.uuid('Not a valid inspection.').optional(),
  bmpItemKey: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'Not a valid checklist item.')
    .optional(),
  violationId: z.uuid('Not a valid violation.').optional(),
  correctiveActionId: z.uuid('Not a valid corrective action.').optional(),
  fileName,
  contentType: typeOf(PHOTO_CONTENT_TYPES, 'a photo'),
  sizeBytes: size(FILE_RULES.photos.maxBytes),
  caption: optionalText(500, 'The caption').optional(),
});

function oneTarget(v: z.infer<typeof photoUploadFields>, ctx: z.RefinementCtx) {
  const targets = [v.inspectionId, v.violationId, v.correctiveActionId].filter(Boolean).length;
  if (targets !== 1) {
    ctx.addIssue({ code: 'custom', path: ['inspectionId'], message: 'Attach the photo to exactly one inspection, violation or corrective action.' });
  }
  if (v.bmpItemKey && !v.inspectionId) {
    ctx.addIssue({ code: 'custom', path: ['bmpItemKey'], message: 'A checklist item belongs to an inspection.' });
  }
}

/** One upload to one place: an inspection (optionally one BMP item of it), a violation, or a corrective action's close-out. */
export const requestPhotoUploadSchema = photoUploadFields.superRefine(oneTarget);

/**
 * POST /api/v1/photos: a photo kept on the device while offline (lib/offline/photo-store.ts).
 * `id` was made on the device when the photo was taken: the photo's primary key, so a resend
 * after a lost answer finds the same row and the photo is attached once.
 */
export const queuedPhotoUploadSchema = photoUploadFields
  .extend({ id: z.uuid('Not a valid photo id.') })
  .superRefine(oneTarget);

export const DOCUMENT_KINDS = ['swppp', 'permit', 'report', 'other'] as const;
export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  swppp: 'SWPPP',
  permit: 'Permit / NOI',
  report: 'Inspection report',
  other: 'Other',
};

export const requestDocumentUploadSchema = z.object({
  projectId: z.uuid('Choose a project.'),
  kind: z.enum(DOCUMENT_KINDS, { error: 'Choose what kind of document this is.' }),
  title: z.string({ error: 'A title is required.' }).trim().min(1, 'A title is required.').max(200, 'The title must be at most 200 characters.'),
  fileName,
  contentType: typeOf(DOCUMENT_CONTENT_TYPES, 'a document'),
  sizeBytes: size(FILE_RULES.documents.maxBytes),
});

export const confirmUploadSchema = z.object({ id: z.uuid('Not a valid upload.') });

export const fileSettingsSchema = z.object({ fixedRequiresPhoto: checkbox });

export type RequestPhotoUploadInput = z.infer<typeof requestPhotoUploadSchema>;
export type QueuedPhotoUploadInput = z.infer<typeof queuedPhotoUploadSchema>;
export type RequestDocumentUploadInput = z.infer<typeof requestDocumentUploadSchema>;
