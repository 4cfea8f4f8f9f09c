import { z } from 'zod';

/**
 * The format of a form template (form_templates.schema): sections of typed
 * fields. Submissions are validated against the exact version they were made
 * from (lib/forms/submission-schema.ts), so editing a template never changes
 * what an old submission means.
 */
const key = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case');
const label = z.string().min(1).max(200);
const base = { key, label, help: z.string().max(500).optional(), required: z.boolean().default(false) };

const fieldDefinition = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), multiline: z.boolean().default(false), maxLength: z.number().int().min(1).max(10_000).default(2000) }),
  z.object({ ...base, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), unit: z.string().max(20).optional() }),
  z.object({ ...base, type: z.literal('date') }),
  z.object({ ...base, type: z.literal('yes_no_na') }),
  z.object({
    ...base,
    type: z.literal('choice'),
    options: z.array(z.object({ value: key, label })).min(1).max(100),
    multiple: z.boolean().default(false),
  }),
  z.object({
    ...base,
    type: z.literal('bmp_checklist'),
    items: z.array(z.object({ key, label, category: key })).min(1).max(200),
  }),
  z.object({ ...base, type: z.literal('photo'), maxPhotos: z.number().int().min(1).max(20).default(4) }),
  z.object({ ...base, type: z.literal('signature'), statement: z.string().min(1).max(2000) }),
  // Who did the work (name, title): a record of the person, not a certification. The certification
  // is signed once, on the inspection itself (lib/inspections/certification.ts).
  z.object({ ...base, type: z.literal('performer') }),
]);

export const templateDefinition = z
  .object({
    title: label,
    description: z.string().max(2000).optional(),
    sections: z
      .array(z.object({ key, title: label, fields: z.array(fieldDefinition).min(1).max(200) }))
      .min(1)
      .max(50),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    for (const section of def.sections) {
      for (const field of section.fields) {
        if (seen.has(field.key)) ctx.addIssue({ code: 'custom', message: `duplicate field key "${field.key}"` });
        seen.add(field.key);
      }
    }
  });

export type FieldDefinition = z.infer<typeof fieldDefinition>;
export type TemplateDefinition = z.infer<typeof templateDefinition>;
