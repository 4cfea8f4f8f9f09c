import 'server-only';
import * as rows from '@/db/queries/form-templates';
import type { Tx } from '@/db/tenant';
import { templateDefinition, type TemplateDefinition } from './template-definition';

/**
 * Form templates with their definition parsed: the jsonb column is checked
 * against lib/forms/template-definition.ts on every read, so a malformed row
 * fails loudly here instead of rendering a broken form.
 */
export type FormTemplate = Omit<rows.FormTemplateRow, 'schema'> & { schema: TemplateDefinition };

function parse(row: rows.FormTemplateRow): FormTemplate {
  return { ...row, schema: templateDefinition.parse(row.schema) };
}

/** A specific version: submissions are validated against exactly this row. */
export async function getTemplate(tx: Tx, orgId: string, id: string): Promise<FormTemplate | undefined> {
  const row = await rows.getTemplate(tx, orgId, id);
  return row ? parse(row) : undefined;
}

export async function getCurrentTemplateByKey(tx: Tx, orgId: string, key: string): Promise<FormTemplate | undefined> {
  const row = await rows.getCurrentTemplateByKey(tx, orgId, key);
  return row ? parse(row) : undefined;
}
