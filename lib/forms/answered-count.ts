import type { TemplateDefinition } from './template-definition';

/**
 * How much of a form is filled in, for the progress indicator: each field
 * counts once (a BMP checklist only when every item has a result); photo
 * fields are left out (photos are uploaded beside the answers, not in them).
 */
export function answeredCount(definition: TemplateDefinition, values: Record<string, unknown>) {
  let done = 0;
  let total = 0;
  for (const field of definition.sections.flatMap((s) => s.fields)) {
    if (field.type === 'photo') continue;
    total++;
    const v = values[field.key];
    if (field.type === 'bmp_checklist') {
      const rows = (v ?? {}) as Record<string, { result?: string } | undefined>;
      if (field.items.every((item) => rows[item.key]?.result)) done++;
    } else if (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '') {
      done++;
    }
  }
  return { done, total };
}
