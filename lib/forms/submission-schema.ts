import { z } from 'zod';
import type { FieldDefinition, TemplateDefinition } from './template-definition';

const isoDate = z.iso.date();
const bmpResult = z.object({
  result: z.enum(['pass', 'fail', 'na']),
  note: z.string().max(1000).optional(),
});

function valueSchema(field: FieldDefinition): z.ZodType {
  switch (field.type) {
    case 'text':
      return z.string().trim().max(field.maxLength);
    case 'number': {
      let n = z.number().finite();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'date':
      return isoDate;
    case 'yes_no_na':
      return z.enum(['yes', 'no', 'na']);
    case 'choice': {
      const values = field.options.map((o) => o.value) as [string, ...string[]];
      return field.multiple ? z.array(z.enum(values)).max(values.length) : z.enum(values);
    }
    case 'bmp_checklist': {
      const shape = Object.fromEntries(field.items.map((item) => [item.key, bmpResult.optional()]));
      return z.strictObject(shape);
    }
    case 'photo':
      return z.array(z.uuid()).max(field.maxPhotos);
    case 'signature':
      return z.strictObject({ name: z.string().trim().min(1).max(200), signedAt: z.iso.datetime() });
    case 'performer':
      return z.strictObject({
        name: z.string().trim().min(2, `${field.label}: type the name`).max(200),
        title: z.string().trim().max(200).optional(),
      });
  }
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * A zod schema for the `data` of a submission made from `def`. Drafts accept
 * missing required fields (a crew member saves half a form); submits do not.
 */
export function submissionSchemaFor(def: TemplateDefinition, mode: 'draft' | 'submit') {
  const fields = def.sections.flatMap((s) => s.fields);
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const inner = valueSchema(field);
    shape[field.key] = z.preprocess((v) => (isEmpty(v) ? undefined : v), inner.optional());
  }
  return z.strictObject(shape).superRefine((data, ctx) => {
    if (mode === 'draft') return;
    for (const field of fields) {
      const v = (data as Record<string, unknown>)[field.key];
      if (field.type === 'bmp_checklist' && v && typeof v === 'object') {
        // A failure nobody described leads nowhere: say what needs fixing and where.
        for (const item of field.items) {
          const row = (v as Record<string, { result?: string; note?: string } | undefined>)[item.key];
          if (row?.result === 'fail' && !row.note?.trim()) {
            ctx.addIssue({ code: 'custom', path: [field.key, item.key], message: `${item.label} failed: add a note saying what needs fixing and where` });
          }
        }
      }
      if (field.required && isEmpty(v)) ctx.addIssue({ code: 'custom', path: [field.key], message: `${field.label} is required` });
      if (field.required && field.type === 'bmp_checklist' && v && typeof v === 'object') {
        for (const item of field.items) {
          if (!(v as Record<string, unknown>)[item.key]) {
            ctx.addIssue({ code: 'custom', path: [field.key, item.key], message: `${item.label}: choose pass, fail or N/A` });
          }
        }
      }
    }
  });
}

/** zod issues → every field's messages keyed by path (`bmp_results.silt_fence`), as forms show them. */
export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
