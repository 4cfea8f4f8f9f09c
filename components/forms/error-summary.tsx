'use client';

import { forwardRef } from 'react';
import type { TemplateDefinition } from '@/lib/forms/template-definition';
import type { FormFieldErrors } from '@/lib/zod/schemas/forms';

/** Field key (and `checklist.item`) → its label, for error messages that name the field. */
export function fieldLabels(definition: TemplateDefinition): Map<string, string> {
  const labels = new Map<string, string>();
  for (const f of definition.sections.flatMap((s) => s.fields)) {
    labels.set(f.key, f.label);
    if (f.type === 'bmp_checklist') for (const item of f.items) labels.set(`${f.key}.${item.key}`, item.label);
  }
  return labels;
}

/**
 * The linked error summary at the top of a form (focus it after a failed
 * submit): every field error, each a link to its field.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { message: string; errors: FormFieldErrors; labels: Map<string, string>; domId: (key: string) => string }
>(function ErrorSummary({ message, errors, labels, domId }, ref) {
  const entries = Object.entries(errors).filter(([k]) => k !== '_form');
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 p-4 text-red-900 outline-none"
    >
      <p className="font-semibold">{message}</p>
      {entries.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {entries.map(([key, messages]) => {
            const label = labels.get(key) ?? key;
            // Server messages usually name the field already ("Weather … is required").
            const text = messages
              .map((m) => (m.startsWith(label) || m.includes(`${label}:`) ? m : `${label}: ${m}`))
              .join(' ');
            return (
              <li key={key}>
                <a className="underline" href={`#${domId(key)}`}>
                  {text}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
      {errors._form ? <p className="mt-2 text-sm">{errors._form.join(' ')}</p> : null}
    </div>
  );
});
