import 'server-only';
import { and, asc, desc, eq, isNull, lt, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { complianceSettings, correctiveActions, documents, inspections, photos, projects, violations } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

export type Photo = typeof photos.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type FileKind = 'photos' | 'documents';

const tableOf = (kind: FileKind) => (kind === 'photos' ? photos : documents);
const entityOf = (kind: FileKind) => (kind === 'photos' ? 'photo' : 'document');

export type NewPhoto = Pick<
  typeof photos.$inferInsert,
  'id' | 'projectId' | 'inspectionId' | 'bmpItemKey' | 'violationId' | 'correctiveActionId' | 'caption' | 'storageKey' | 'fileName' | 'contentType' | 'sizeBytes'
>;
export type NewDocument = Pick<typeof documents.$inferInsert, 'id' | 'projectId' | 'kind' | 'title' | 'storageKey' | 'fileName' | 'contentType' | 'sizeBytes'>;

export async function createPendingPhoto(tx: Tx, actor: Actor, values: NewPhoto): Promise<Photo> {
  const [row] = await tx
    .insert(photos)
    .values({ ...values, organizationId: actor.orgId, uploadedBy: actor.userId, status: 'pending' })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'photo', entityId: row!.id, after: { fileName: row!.fileName, status: 'pending' } });
  return row!;
}

export async function createPendingDocument(tx: Tx, actor: Actor, values: NewDocument): Promise<DocumentRow> {
  const [row] = await tx
    .insert(documents)
    .values({ ...values, organizationId: actor.orgId, uploadedBy: actor.userId, status: 'pending' })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'document', entityId: row!.id, after: { fileName: row!.fileName, kind: row!.kind, status: 'pending' } });
  return row!;
}

/** The row, locked against a concurrent confirm or cleanup of the same upload. */
export async function lockPhoto(tx: Tx, orgId: string, id: string): Promise<Photo | undefined> {
  const [row] = await tx.select().from(photos).where(and(eq(photos.organizationId, orgId), eq(photos.id, id))).for('update');
  return row;
}

export async function lockDocument(tx: Tx, orgId: string, id: string): Promise<DocumentRow | undefined> {
  const [row] = await tx.select().from(documents).where(and(eq(documents.organizationId, orgId), eq(documents.id, id))).for('update');
  return row;
}

export async function getStoredPhoto(tx: Tx, orgId: string, id: string): Promise<Photo | undefined> {
  const [row] = await tx
    .select()
    .from(photos)
    .where(and(eq(photos.organizationId, orgId), eq(photos.id, id), eq(photos.status, 'stored')));
  return row;
}

export async function getStoredDocument(tx: Tx, orgId: string, id: string): Promise<DocumentRow | undefined> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.organizationId, orgId), eq(documents.id, id), eq(documents.status, 'stored')));
  return row;
}

export interface StoredFacts {
  sizeBytes: number;
  etag: string | null;
  storedAt: Date;
}

export async function markPhotoStored(
  tx: Tx,
  actor: Actor,
  id: string,
  facts: StoredFacts & Pick<Photo, 'takenAt' | 'latitude' | 'longitude' | 'takenAtSuspect'>,
): Promise<Photo> {
  const [row] = await tx
    .update(photos)
    .set({ ...facts, status: 'stored', updatedAt: facts.storedAt })
    .where(and(eq(photos.organizationId, actor.orgId), eq(photos.id, id), eq(photos.status, 'pending')))
    .returning();
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'photo',
    entityId: id,
    before: { status: 'pending' },
    after: { status: 'stored', sizeBytes: facts.sizeBytes, takenAt: facts.takenAt, takenAtSuspect: facts.takenAtSuspect },
  });
  return row!;
}

/**
 * Versions count per project, kind and title. The project row is locked so two
 * confirms of the same series can't take the same number; undefined when the
 * project is not this organization's or the row is no longer pending.
 */
export async function markDocumentStored(tx: Tx, actor: Actor, doc: DocumentRow, facts: StoredFacts): Promise<DocumentRow | undefined> {
  const [project] = await tx
    .select({ id: projects.id, publicSwpppDocumentId: projects.publicSwpppDocumentId })
    .from(projects)
    .where(and(eq(projects.organizationId, actor.orgId), eq(projects.id, doc.projectId)))
    .for('update');
  if (!project) return undefined;
  const [last] = await tx
    .select({ v: sql<number>`coalesce(max(${documents.version}), 0)::int` })
    .from(documents)
    .where(
      and(
        eq(documents.organizationId, actor.orgId),
        eq(documents.projectId, doc.projectId),
        eq(documents.kind, doc.kind),
        eq(documents.title, doc.title),
        eq(documents.status, 'stored'),
      ),
    );
  const version = (last?.v ?? 0) + 1;
  const [row] = await tx
    .update(documents)
    .set({ ...facts, version, status: 'stored', updatedAt: facts.storedAt })
    .where(and(eq(documents.organizationId, actor.orgId), eq(documents.id, doc.id), eq(documents.status, 'pending')))
    .returning();
  if (!row) return undefined;
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'document',
    entityId: doc.id,
    before: { status: 'pending' },
    after: { status: 'stored', version, sizeBytes: facts.sizeBytes },
  });
  if (row.kind === 'swppp' && project.publicSwpppDocumentId) await advancePublicSwppp(tx, actor, doc.projectId, project.publicSwpppDocumentId, row.id);
  return row;
}

/**
 * The project shows its current SWPPP on the public page (docs/inspector-page.md): a newly stored
 * SWPPP version becomes the one shown, so an older version is never published after a newer one
 * exists. Audited as a change of the project.
 */
async function advancePublicSwppp(tx: Tx, actor: Actor, projectId: string, before: string, after: string) {
  await tx
    .update(projects)
    .set({ publicSwpppDocumentId: after, updatedAt: new Date() })
    .where(and(eq(projects.organizationId, actor.orgId), eq(projects.id, projectId)));
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'project',
    entityId: projectId,
    before: { publicSwpppDocumentId: before },
    after: { publicSwpppDocumentId: after, reason: 'newer SWPPP version stored' },
  });
}

/** The project's current SWPPP: the newest stored version of kind swppp (any title). */
export async function currentSwppp(tx: Tx, orgId: string, projectId: string): Promise<DocumentRow | undefined> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.organizationId, orgId), eq(documents.projectId, projectId), eq(documents.kind, 'swppp'), eq(documents.status, 'stored')))
    .orderBy(desc(documents.storedAt), desc(documents.version))
    .limit(1);
  return row;
}

export async function setPhotoThumbnail(tx: Tx, orgId: string, id: string, thumbnailKey: string, bytes: number) {
  await tx
    .update(photos)
    .set({ thumbnailKey, thumbnailBytes: bytes })
    .where(and(eq(photos.organizationId, orgId), eq(photos.id, id), eq(photos.status, 'stored'), isNull(photos.thumbnailKey)));
}

/** A pending row created before `createdBefore`, deleted (with its audit row); undefined if it was confirmed meanwhile. */
export async function deleteExpiredPending(tx: Tx, actor: Actor, kind: FileKind, id: string, createdBefore: Date) {
  const table = tableOf(kind);
  const [row] = await tx
    .delete(table)
    .where(and(eq(table.organizationId, actor.orgId), eq(table.id, id), eq(table.status, 'pending'), lt(table.createdAt, createdBefore)))
    .returning({ id: table.id, storageKey: table.storageKey, fileName: table.fileName });
  if (row) {
    await recordAudit(tx, actor, { action: 'delete', entityType: entityOf(kind), entityId: id, before: { status: 'pending', fileName: row.fileName }, after: { reason: 'upload never confirmed' } });
  }
  return row;
}

/**
 * Where a photo goes, resolved from this tenant's rows only: its project (and
 * for a close-out, its violation) come from the parent, never from the client.
 */
export async function photoParent(
  tx: Tx,
  orgId: string,
  target: { inspectionId?: string; violationId?: string; correctiveActionId?: string },
): Promise<{ projectId: string; inspectionId: string | null; violationId: string | null; correctiveActionId: string | null } | undefined> {
  if (target.inspectionId) {
    const [row] = await tx
      .select({ projectId: inspections.projectId, status: inspections.status })
      .from(inspections)
      .where(and(eq(inspections.organizationId, orgId), eq(inspections.id, target.inspectionId)));
    return row && { projectId: row.projectId, inspectionId: target.inspectionId, violationId: null, correctiveActionId: null };
  }
  if (target.violationId) {
    const [row] = await tx
      .select({ projectId: violations.projectId })
      .from(violations)
      .where(and(eq(violations.organizationId, orgId), eq(violations.id, target.violationId)));
    return row && { projectId: row.projectId, inspectionId: null, violationId: target.violationId, correctiveActionId: null };
  }
  if (target.correctiveActionId) {
    const [row] = await tx
      .select({ projectId: violations.projectId, violationId: correctiveActions.violationId })
      .from(correctiveActions)
      .innerJoin(violations, and(eq(violations.organizationId, correctiveActions.organizationId), eq(violations.id, correctiveActions.violationId)))
      .where(and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.id, target.correctiveActionId)));
    return row && { projectId: row.projectId, inspectionId: null, violationId: row.violationId, correctiveActionId: target.correctiveActionId };
  }
  return undefined;
}

export type PhotoTarget = { inspectionId: string } | { violationId: string } | { correctiveActionId: string };

/** Stored photos of one inspection, violation or corrective action, oldest first. */
export async function listPhotos(tx: Tx, orgId: string, target: PhotoTarget): Promise<Photo[]> {
  const where =
    'inspectionId' in target
      ? eq(photos.inspectionId, target.inspectionId)
      : 'violationId' in target
        ? eq(photos.violationId, target.violationId)
        : eq(photos.correctiveActionId, target.correctiveActionId);
  return tx
    .select()
    .from(photos)
    .where(and(eq(photos.organizationId, orgId), where, eq(photos.status, 'stored')))
    .orderBy(asc(photos.createdAt))
    .limit(200);
}

export async function countStoredPhotos(tx: Tx, orgId: string, correctiveActionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(photos)
    .where(and(eq(photos.organizationId, orgId), eq(photos.correctiveActionId, correctiveActionId), eq(photos.status, 'stored')));
  return row?.n ?? 0;
}

/** Stored documents of a project, newest version first within each series. */
export async function listDocuments(tx: Tx, orgId: string, projectId: string): Promise<DocumentRow[]> {
  return tx
    .select()
    .from(documents)
    .where(and(eq(documents.organizationId, orgId), eq(documents.projectId, projectId), eq(documents.status, 'stored')))
    .orderBy(asc(documents.kind), asc(documents.title), desc(documents.version))
    .limit(500);
}

/** Bytes this organization keeps in storage (stored files and their thumbnails): usage, plan limits later. */
export async function storageBytes(tx: Tx, orgId: string): Promise<{ photos: number; documents: number; total: number }> {
  const [p] = await tx
    .select({ n: sum(sql`coalesce(${photos.sizeBytes}, 0) + coalesce(${photos.thumbnailBytes}, 0)`) })
    .from(photos)
    .where(and(eq(photos.organizationId, orgId), eq(photos.status, 'stored')));
  const [d] = await tx
    .select({ n: sum(documents.sizeBytes) })
    .from(documents)
    .where(and(eq(documents.organizationId, orgId), eq(documents.status, 'stored')));
  const ph = Number(p?.n ?? 0);
  const doc = Number(d?.n ?? 0);
  return { photos: ph, documents: doc, total: ph + doc };
}

export async function getFileSettings(
  tx: Tx,
  orgId: string,
): Promise<{ timezone: string; fixedRequiresPhoto: boolean; failedBmpRequiresPhoto: boolean }> {
  const [row] = await tx
    .select({
      timezone: complianceSettings.timezone,
      fixedRequiresPhoto: complianceSettings.fixedRequiresPhoto,
      failedBmpRequiresPhoto: complianceSettings.failedBmpRequiresPhoto,
    })
    .from(complianceSettings)
    .where(eq(complianceSettings.organizationId, orgId));
  return row ?? { timezone: 'UTC', fixedRequiresPhoto: false, failedBmpRequiresPhoto: false };
}

/** Stored photos of one inspection per BMP checklist item (`bmpItemKey`), for the failed-BMP photo rule. */
export async function storedPhotosByBmpItem(tx: Tx, orgId: string, inspectionId: string): Promise<{ item: string; n: number }[]> {
  const rows = await tx
    .select({ item: photos.bmpItemKey, n: sql<number>`count(*)::int` })
    .from(photos)
    .where(and(eq(photos.organizationId, orgId), eq(photos.inspectionId, inspectionId), eq(photos.status, 'stored')))
    .groupBy(photos.bmpItemKey);
  return rows.flatMap((r) => (r.item ? [{ item: r.item, n: r.n }] : []));
}

/**
 * The old value comes back from the update itself (joined to the row as it was),
 * so one organization filter selects both what is changed and what is audited.
 */
export async function setFixedRequiresPhoto(tx: Tx, actor: Actor, value: boolean) {
  const old = alias(complianceSettings, 'old');
  const [before] = await tx
    .update(complianceSettings)
    .set({ fixedRequiresPhoto: value, updatedAt: new Date() })
    .where(and(eq(complianceSettings.organizationId, actor.orgId), eq(old.organizationId, complianceSettings.organizationId)))
    .from(old)
    .returning({ fixedRequiresPhoto: old.fixedRequiresPhoto });
  if (!before) {
    await tx
      .insert(complianceSettings)
      .values({ organizationId: actor.orgId, fixedRequiresPhoto: value })
      .onConflictDoUpdate({ target: complianceSettings.organizationId, set: { fixedRequiresPhoto: value, updatedAt: new Date() } });
  }
  await recordAudit(tx, actor, { action: 'update', entityType: 'compliance_settings', entityId: actor.orgId, before: before ?? null, after: { fixedRequiresPhoto: value } });
}
