import 'server-only';
import { and, eq } from 'drizzle-orm';
import { formTemplates } from '../schema';
import type { Tx } from '../tenant';

/** `schema` as stored (jsonb); lib/forms/templates.ts parses it into a template definition. */
export type FormTemplateRow = typeof formTemplates.$inferSelect;

/** A specific version: submissions are validated against exactly this row. */
export async function getTemplate(tx: Tx, orgId: string, id: string): Promise<FormTemplateRow | undefined> {
  const [row] = await tx
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.organizationId, orgId), eq(formTemplates.id, id)))
    .limit(1);
  return row;
}

export async function getCurrentTemplateByKey(tx: Tx, orgId: string, key: string): Promise<FormTemplateRow | undefined> {
  const [row] = await tx
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.organizationId, orgId), eq(formTemplates.key, key), eq(formTemplates.isCurrent, true)))
    .limit(1);
  return row;
}
