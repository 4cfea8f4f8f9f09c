import 'server-only';
import { and, count, desc, eq, gt, isNull, max, or } from 'drizzle-orm';
import { inspectorLinks, inspectorLinkViews } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

export type InspectorLink = typeof inspectorLinks.$inferSelect;

/** The audit trail never holds the hash: it is the key to the public page. */
const audited = (l: InspectorLink) => ({
  projectId: l.projectId,
  label: l.label,
  expiresAt: l.expiresAt,
  revokedAt: l.revokedAt,
});

export async function createInspectorLink(
  tx: Tx,
  actor: Actor,
  values: { projectId: string; tokenHash: string; label: string | null; expiresAt: Date | null },
): Promise<InspectorLink> {
  const [row] = await tx
    .insert(inspectorLinks)
    .values({ ...values, organizationId: actor.orgId, createdBy: actor.userId })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'inspector_link',
    entityId: row!.id,
    after: audited(row!),
  });
  return row!;
}

/** A project's links, newest first, with how often and when last each was viewed. Never the hash. */
export async function listInspectorLinks(tx: Tx, orgId: string, projectId: string) {
  return tx
    .select({
      id: inspectorLinks.id,
      label: inspectorLinks.label,
      createdAt: inspectorLinks.createdAt,
      expiresAt: inspectorLinks.expiresAt,
      revokedAt: inspectorLinks.revokedAt,
      views: count(inspectorLinkViews.id),
      lastViewedAt: max(inspectorLinkViews.viewedAt),
    })
    .from(inspectorLinks)
    .leftJoin(
      inspectorLinkViews,
      and(
        eq(inspectorLinkViews.organizationId, inspectorLinks.organizationId),
        eq(inspectorLinkViews.linkId, inspectorLinks.id),
      ),
    )
    .where(and(eq(inspectorLinks.organizationId, orgId), eq(inspectorLinks.projectId, projectId)))
    .groupBy(inspectorLinks.organizationId, inspectorLinks.id)
    .orderBy(desc(inspectorLinks.createdAt))
    .limit(100);
}

export async function getInspectorLink(tx: Tx, orgId: string, id: string): Promise<InspectorLink | undefined> {
  const [row] = await tx
    .select()
    .from(inspectorLinks)
    .where(and(eq(inspectorLinks.organizationId, orgId), eq(inspectorLinks.id, id)))
    .limit(1);
  return row;
}

/** Revoke (idempotent: a revoked link stays revoked at its first time) or change the expiry; audited. */
export async function updateInspectorLink(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: { revokedAt?: Date; expiresAt?: Date | null },
  action: 'update' | 'delete',
): Promise<InspectorLink | undefined> {
  const before = await getInspectorLink(tx, actor.orgId, id);
  if (!before) return undefined;
  const [row] = await tx
    .update(inspectorLinks)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(inspectorLinks.organizationId, actor.orgId), eq(inspectorLinks.id, id)))
    .returning();
  await recordAudit(tx, actor, {
    action,
    entityType: 'inspector_link',
    entityId: id,
    before: audited(before),
    after: audited(row!),
  });
  return row;
}

/** This tenant's live link of `projectId` whose token has this SHA-256, if any (a report's verification link). */
export async function findLiveProjectLink(tx: Tx, orgId: string, projectId: string, linkTokenHash: string) {
  const [row] = await tx
    .select({ id: inspectorLinks.id })
    .from(inspectorLinks)
    .where(
      and(
        eq(inspectorLinks.organizationId, orgId),
        eq(inspectorLinks.projectId, projectId),
        eq(inspectorLinks.tokenHash, linkTokenHash),
        isNull(inspectorLinks.revokedAt),
        or(isNull(inspectorLinks.expiresAt), gt(inspectorLinks.expiresAt, new Date())),
      ),
    )
    .limit(1);
  return row;
}
