'use client';

import type { TemplateDefinition } from '@/lib/forms/template-definition';
import { LEGACY_TYPE_FIELD } from '@/lib/inspections/form-mapping';
import type { FormFieldErrors, FormValues } from '@/lib/zod/schemas/forms';
import { Field } from './form-fields';

/** A template's sections and fields, one card per section (the online form and the offline one). */
export function TemplateSections({
  definition,
  values,
  errors,
  onChange,
  timeZone,
}: {
  /** The site's zone, for times shown inside the form (a signature's). */
  timeZone?: string;
  definition: TemplateDefinition;
  values: FormValues;
  errors: FormFieldErrors;
  onChange: (key: string, value: unknown) => void;
}) {
  return definition.sections.map((section) => (
    <section
      key={section.key}
      aria-labelledby={`section-${section.key}`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id={`section-${section.key}`} className="text-lg font-semibold text-slate-900">
        {section.title}
      </h2>
      <div className="mt-4 space-y-6">
        {/* The type was chosen when the inspection started; an older template's own question is not asked again. */}
        {section.fields.filter((f) => f.key !== LEGACY_TYPE_FIELD).map((field) => (
          <Field
            key={field.key}
            field={field}
            value={values[field.key]}
            onChange={(v) => onChange(field.key, v)}
            errors={errors}
            timeZone={timeZone}
          />
        ))}
      </div>
    </section>
  ));
}
