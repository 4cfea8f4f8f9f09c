import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { inspections, OSHA_INSPECTION_TYPE_VALUES, projects } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getProject } from './projects';
import { olderThan, type Cursor } from './keyset';

export type Inspection = typeof inspections.$inferSelect;
const OSHA_TYPES = new Set<Inspection['type']>(OSHA_INSPECTION_TYPE_VALUES);
export type InspectionFields = Partial<
  Pick<
    Inspection,
    | 'type'
    | 'inspectedAt'
    | 'inspectorName'
    | 'inspectorTitle'
    | 'bmpResults'
    | 'findings'
    | 'rainGaugeInches'
    | 'areasNotInspected'
  >
>;

export async function listInspections(
  tx: Tx,
  orgId: string,
  f: { projectId?: string; status?: Inspection['status'][]; cursor?: Cursor; limit: number },
) {
  const conds: (SQL | undefined)[] = [
    eq(inspections.organizationId, orgId),
    f.projectId ? eq(inspections.projectId, f.projectId) : undefined,
    f.status?.length ? inArray(inspections.status, f.status) : undefined,
    olderThan(inspections, f.cursor),
  ];
  return tx
    .select({ inspection: inspections, projectName: projects.name, projectTimeZone: projects.timeZone })
    .from(inspections)
    .innerJoin(
      projects,
      and(eq(projects.organizationId, inspections.organizationId), eq(projects.id, inspections.projectId)),
    )
    .where(and(...conds))
    .orderBy(desc(inspections.createdAt), desc(inspections.id))
    .limit(f.limit + 1);
}

export async function getInspection(tx: Tx, orgId: string, id: string): Promise<Inspection | undefined> {
  const [row] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.id, id)))
    .limit(1);
  return row;
}

/** `undefined` when the project is not this tenant's. */
export async function createInspection(tx: Tx, actor: Actor, projectId: string, fields: InspectionFields) {
  if (!(await getProject(tx, actor.orgId, projectId))) return undefined;
  const [row] = await tx
    .insert(inspections)
    .values({
      ...fields,
      organizationId: actor.orgId,
      projectId,
      createdBy: actor.userId,
      inspectorUserId: actor.userId,
    })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'inspection', entityId: row!.id, after: row });
  return row!;
}

type Change = { ok: true; inspection: Inspection } | { ok: false; reason: 'not_found' | 'conflict'; message?: string };

async function change(
  tx: Tx,
  actor: Actor,
  id: string,
  action: 'update' | 'submit' | 'sign' | 'publish' | 'return',
  allowed: (i: Inspection) => string | null,
  set: Partial<typeof inspections.$inferInsert>,
): Promise<Change> {
  // FOR UPDATE: two people submitting or signing at once serialize here.
  const [before] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.organizationId, actor.orgId), eq(inspections.id, id)))
    .for('update');
  if (!before) return { ok: false, reason: 'not_found' };
  const problem = allowed(before);
  if (problem) return { ok: false, reason: 'conflict', message: problem };
  const [after] = await tx
    .update(inspections)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(inspections.organizationId, actor.orgId), eq(inspections.id, id)))
    .returning();
  await recordAudit(tx, actor, { action, entityType: 'inspection', entityId: id, before, after });
  return { ok: true, inspection: after! };
}

/** Drafts are edited freely; a submitted but unsigned inspection may still be corrected. */
export function updateInspection(tx: Tx, actor: Actor, id: string, fields: InspectionFields) {
  return change(
    tx,
    actor,
    id,
    'update',
    (i) => (i.signedAt ? 'This inspection is signed; record an amendment instead.' : null),
    fields,
  );
}

export function submitInspection(tx: Tx, actor: Actor, id: string, fields: InspectionFields) {
  return change(tx, actor, id, 'submit', (i) => (i.status !== 'draft' ? 'Only a draft can be submitted.' : null), {
    ...fields,
    status: 'submitted',
    inspectedAt: fields.inspectedAt ?? new Date(),
  });
}

export function signInspection(
  tx: Tx,
  actor: Actor,
  id: string,
  signature: { name: string; title?: string; qualifications?: string; statement: string },
) {
  return change(
    tx,
    actor,
    id,
    'sign',
    (i) =>
      i.status !== 'submitted' ? 'Submit the inspection before signing it.' : i.signedAt ? 'Already signed.' : null,
    {
      signedBy: actor.userId,
      signedAt: new Date(),
      signatureName: signature.name,
      signatureStatement: signature.statement,
      signatureTitle: signature.title,
      signatureQualifications: signature.qualifications,
    },
  );
}

/**
 * Seals a signed inspection with the SHA-256 of its signed record, computed by
 * the caller over the row it just read (lib/inspections/seal-record.ts). Only a
 * signed row without a digest takes one (drizzle/0016 refuses any other change).
 * `undefined` when there is no such row of this tenant.
 */
export async function sealInspectionRecord(tx: Tx, actor: Actor, id: string, seal: { digest: string; version: number }) {
  const [after] = await tx
    .update(inspections)
    .set({ recordSha256: seal.digest, recordHashVersion: seal.version })
    .where(
      and(
        eq(inspections.organizationId, actor.orgId),
        eq(inspections.id, id),
        isNotNull(inspections.signedAt),
        isNull(inspections.recordSha256),
      ),
    )
    .returning({ id: inspections.id, recordSha256: inspections.recordSha256, recordHashVersion: inspections.recordHashVersion });
  if (!after) return undefined;
  await recordAudit(tx, actor, { action: 'seal', entityType: 'inspection', entityId: id, before: { recordSha256: null }, after });
  return after;
}

/** The qualifications `userId` gave at their latest signature in this organization ('' if none): the sign form's default. */
export async function lastSignatureQualifications(tx: Tx, orgId: string, userId: string): Promise<string> {
  const [row] = await tx
    .select({ q: inspections.signatureQualifications })
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.signedBy, userId), isNotNull(inspections.signatureQualifications)))
    .orderBy(desc(inspections.signedAt))
    .limit(1);
  return row?.q ?? '';
}

/** Signed inspections of this tenant that have no digest yet (signed before record_sha256 existed). */
export async function listUnsealedSigned(tx: Tx, orgId: string, limit = 500): Promise<Inspection[]> {
  return tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), isNotNull(inspections.signedAt), isNull(inspections.recordSha256)))
    .orderBy(inspections.signedAt, inspections.id)
    .limit(limit);
}

export function publishInspection(tx: Tx, actor: Actor, id: string) {
  return change(
    tx,
    actor,
    id,
    'publish',
    (i) =>
      !i.signedAt
        ? 'Only a signed inspection can be published.'
        : OSHA_TYPES.has(i.type)
          ? 'OSHA checklists are internal safety records; they are not published on the site page.'
          : i.status === 'published'
          ? 'Already published.'
          : null,
    {
      status: 'published',
    },
  );
}

/**
 * A reviewer sends a submitted, unsigned report back to its author: the
 * inspection becomes a draft again, with the reviewer's comment kept on the
 * row (and both sides in the audit log). A signed report is never returned:
 * it is corrected by an amendment.
 */
export function returnInspection(tx: Tx, actor: Actor, id: string, comment: string) {
  return change(
    tx,
    actor,
    id,
    'return',
    (i) =>
      i.signedAt
        ? 'This inspection is signed; record an amendment instead.'
        : i.status !== 'submitted'
          ? 'Only a submitted inspection can be returned to its author.'
          : null,
    { status: 'draft', returnedAt: new Date(), returnedBy: actor.userId, returnComment: comment },
  );
}

/** A signed record never changes: a correction is a new draft that points at it. */
export async function amendInspection(tx: Tx, actor: Actor, id: string): Promise<Change> {
  const original = await getInspection(tx, actor.orgId, id);
  if (!original) return { ok: false, reason: 'not_found' };
  if (!original.signedAt)
    return {
      ok: false,
      reason: 'conflict',
      message: 'Only a signed inspection can be amended; edit the draft instead.',
    };
  const [row] = await tx
    .insert(inspections)
    .values({
      organizationId: actor.orgId,
      projectId: original.projectId,
      type: original.type,
      inspectedAt: original.inspectedAt,
      inspectorUserId: actor.userId,
      inspectorName: original.inspectorName,
      inspectorTitle: original.inspectorTitle,
      bmpResults: original.bmpResults,
      findings: original.findings,
      rainGaugeInches: original.rainGaugeInches,
      areasNotInspected: original.areasNotInspected,
      amendsInspectionId: original.id,
      revision: original.revision + 1,
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'amend',
    entityType: 'inspection',
    entityId: row!.id,
    before: { amends: original.id },
    after: row,
  });
  return { ok: true, inspection: row! };
}

/** The amendment pointing at `id`, if one was made (amendments form a line: one per revision). */
export async function getAmendmentOf(tx: Tx, orgId: string, id: string): Promise<Inspection | undefined> {
  const [row] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.amendsInspectionId, id)))
    .limit(1);
  return row;
}

/**
 * Every revision of the record `id` belongs to, oldest first: the originals it
 * amends, itself, and the amendments made after it. Bounded walk (a chain is
 * a handful of rows); each step is an indexed lookup inside the tenant.
 */
export async function listRevisionChain(tx: Tx, orgId: string, id: string, max = 50): Promise<Inspection[]> {
  const self = await getInspection(tx, orgId, id);
  if (!self) return [];
  const older: Inspection[] = [];
  let cursor = self;
  while (cursor.amendsInspectionId && older.length < max) {
    const prev = await getInspection(tx, orgId, cursor.amendsInspectionId);
    if (!prev) break;
    older.unshift(prev);
    cursor = prev;
  }
  const newer: Inspection[] = [];
  cursor = self;
  while (newer.length < max) {
    const next = await getAmendmentOf(tx, orgId, cursor.id);
    if (!next) break;
    newer.push(next);
    cursor = next;
  }
  return [...older, self, ...newer];
}
