import type { TemplateDefinition } from '@/lib/forms/template-definition';
import type { FormFieldErrors } from '@/lib/zod/schemas/forms';

export interface FailedBmp {
  field: string;
  item: string;
  label: string;
  category: string;
  note: string;
}

/** Every BMP item marked `fail` in a form's data, with its note (lib/forms/submission-schema.ts requires one on submit). */
export function failedBmps(def: TemplateDefinition, data: Record<string, unknown>): FailedBmp[] {
  const out: FailedBmp[] = [];
  for (const field of def.sections.flatMap((s) => s.fields)) {
    if (field.type !== 'bmp_checklist') continue;
    const rows = (data[field.key] ?? {}) as Record<string, { result?: string; note?: string } | undefined>;
    for (const item of field.items) {
      const row = rows[item.key];
      if (row?.result === 'fail') out.push({ field: field.key, item: item.key, label: item.label, category: item.category, note: row.note?.trim() ?? '' });
    }
  }
  return out;
}

/**
 * The organization's optional rule (compliance_settings.failed_bmp_requires_photo):
 * each failed BMP needs at least one stored photo of that item. Errors are keyed
 * like the form's own (`bmp_results.silt_fence`), so they show under the item.
 */
export function missingFailedBmpPhotos(
  def: TemplateDefinition,
  data: Record<string, unknown>,
  photosByItem: ReadonlyMap<string, number>,
): FormFieldErrors {
  const errors: FormFieldErrors = {};
  for (const f of failedBmps(def, data)) {
    if (!photosByItem.get(f.item)) errors[`${f.field}.${f.item}`] = [`${f.label} failed: add a photo of it (your organization requires one)`];
  }
  return errors;
}
