import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { templateDefinition, type TemplateDefinition } from '@/lib/forms/template-definition';
import { formTemplates } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

export type FormTemplate = Omit<typeof formTemplates.$inferSelect, 'schema'> & { schema: TemplateDefinition };

function parse(row: typeof formTemplates.$inferSelect): FormTemplate {
  return { ...row, schema: templateDefinition.parse(row.schema) };
}

export async function listCurrentTemplates(tx: Tx, orgId: string) {
  const rows = await tx
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.organizationId, orgId), eq(formTemplates.isCurrent, true)))
    .orderBy(asc(formTemplates.kind), asc(formTemplates.name));
  return rows.map(parse);
}

/** A specific version: submissions are validated against exactly this row. */
export async function getTemplate(tx: Tx, orgId: string, id: string): Promise<FormTemplate | undefined> {
  const [row] = await tx
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.organizationId, orgId), eq(formTemplates.id, id)))
    .limit(1);
  return row ? parse(row) : undefined;
}

export async function getCurrentTemplateByKey(tx: Tx, orgId: string, key: string): Promise<FormTemplate | undefined> {
  const [row] = await tx
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.organizationId, orgId), eq(formTemplates.key, key), eq(formTemplates.isCurrent, true)))
    .limit(1);
  return row ? parse(row) : undefined;
}

/** Editing a template publishes a new version; the old row stays for the submissions made from it. */
export async function publishTemplateVersion(tx: Tx, actor: Actor, key: string, definition: TemplateDefinition) {
  const current = await getCurrentTemplateByKey(tx, actor.orgId, key);
  if (!current) return undefined;
  await tx
    .update(formTemplates)
    .set({ isCurrent: false, updatedAt: new Date() })
    .where(and(eq(formTemplates.organizationId, actor.orgId), eq(formTemplates.id, current.id)));
  const [row] = await tx
    .insert(formTemplates)
    .values({
      organizationId: actor.orgId,
      key,
      version: current.version + 1,
      name: definition.title,
      kind: current.kind,
      schema: definition,
      isCurrent: true,
    })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'form_template', entityId: row!.id, before: { version: current.version }, after: { key, version: row!.version } });
  return parse(row!);
}
