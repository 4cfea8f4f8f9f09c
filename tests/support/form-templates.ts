import { and, eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { formTemplates } from '@/db/schema';
import type { Tx } from '@/db/tenant';
import type { TemplateDefinition } from '@/lib/forms/template-definition';
import { getCurrentTemplateByKey } from '@/lib/forms/templates';

/**
 * A new version of a template, as editing one will: the old row stays (not
 * current) for the submissions made from it. No screen edits templates yet, so
 * only tests publish versions (e.g. one whose fields can't hold the data).
 */
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
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'form_template',
    entityId: row!.id,
    before: { version: current.version },
    after: { key, version: row!.version },
  });
  return row!;
}
