import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { formTemplates } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

/** `schema` as stored (jsonb); lib/forms/templates.ts parses it into a template definition. */
export type FormTemplateRow = typeof formTemplates.$inferSelect;

export async function listCurrentTemplates(tx: Tx, orgId: string): Promise<FormTemplateRow[]> {
  return tx
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.organizationId, orgId), eq(formTemplates.isCurrent, true)))
    .orderBy(asc(formTemplates.kind), asc(formTemplates.name));
}

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

/** Editing a template publishes a new version; the old row stays for the submissions made from it. */
export async function publishTemplateVersion(
  tx: Tx,
  actor: Actor,
  key: string,
  definition: { title: string },
): Promise<FormTemplateRow | undefined> {
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
  return row!;
}
