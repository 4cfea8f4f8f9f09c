import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, notInArray, or } from 'drizzle-orm';
import {
  bmpCategories,
  complianceSettings,
  correctiveActions,
  documents,
  inspections,
  inspectorLinks,
  organizations,
  photos,
  projects,
  violations,
  violationTypes,
} from '../schema';
import type { Tx } from '../tenant';

/*
 * Reads of the public QR page, run inside withInspectorLink (db/public.ts) as
 * brave_public. RLS already limits every table to the opened link's project;
 * the explicit filters below say the same thing a second time, and every
 * column list stays inside the column grants of drizzle/0011.
 */

/** The link row with this hash, live or not (revoked and expired ones too: same work for every miss). */
export async function findLinkByHash(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({
      organizationId: inspectorLinks.organizationId,
      id: inspectorLinks.id,
      projectId: inspectorLinks.projectId,
      tokenHash: inspectorLinks.tokenHash,
      revokedAt: inspectorLinks.revokedAt,
      expiresAt: inspectorLinks.expiresAt,
    })
    .from(inspectorLinks)
    .where(eq(inspectorLinks.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export type PublicLink = NonNullable<Awaited<ReturnType<typeof findLinkByHash>>>;

/** Everything the page shows, for the link's project; undefined if the project or org is not visible. */
export async function loadPublicSite(tx: Tx, link: Pick<PublicLink, 'organizationId' | 'projectId'>) {
  const org = link.organizationId;
  const [site, orgRow, settings, published, bmps, types] = await Promise.all([
    tx
      .select({
        name: projects.name,
        address: projects.address,
        npdesPermitId: projects.npdesPermitId,
        permitStart: projects.permitStart,
        permitEnd: projects.permitEnd,
        status: projects.status,
        noticeContactName: projects.noticeContactName,
        noticeContactPhone: projects.noticeContactPhone,
        swpppLocation: projects.swpppLocation,
        timeZone: projects.timeZone,
        publicSwpppDocumentId: projects.publicSwpppDocumentId,
      })
      .from(projects)
      .where(and(eq(projects.organizationId, org), eq(projects.id, link.projectId)))
      .limit(1),
    tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.organizationId, org), eq(organizations.active, true)))
      .limit(1),
    tx
      .select({ timezone: complianceSettings.timezone })
      .from(complianceSettings)
      .where(eq(complianceSettings.organizationId, org))
      .limit(1),
    tx
      .select({
        id: inspections.id,
        type: inspections.type,
        inspectedAt: inspections.inspectedAt,
        inspectorName: inspections.inspectorName,
        inspectorTitle: inspections.inspectorTitle,
        bmpResults: inspections.bmpResults,
        findings: inspections.findings,
        rainGaugeInches: inspections.rainGaugeInches,
        areasNotInspected: inspections.areasNotInspected,
        signedAt: inspections.signedAt,
        signatureName: inspections.signatureName,
        signatureQualifications: inspections.signatureQualifications,
        recordSha256: inspections.recordSha256,
        recordHashVersion: inspections.recordHashVersion,
        revision: inspections.revision,
      })
      .from(inspections)
      .where(
        and(
          eq(inspections.organizationId, org),
          eq(inspections.projectId, link.projectId),
          eq(inspections.status, 'published'),
        ),
      )
      .orderBy(desc(inspections.inspectedAt), desc(inspections.id))
      .limit(200),
    tx
      .select({ key: bmpCategories.key, name: bmpCategories.name })
      .from(bmpCategories)
      .where(eq(bmpCategories.organizationId, org)),
    tx
      .select({ id: violationTypes.id, name: violationTypes.name })
      .from(violationTypes)
      .where(eq(violationTypes.organizationId, org)),
  ]);
  const project = site[0];
  const company = orgRow[0];
  if (!project || !company) return undefined;

  const inspectionIds = published.map((i) => i.id);
  const found = inspectionIds.length
    ? await tx
        .select({
          id: violations.id,
          inspectionId: violations.inspectionId,
          violationTypeId: violations.violationTypeId,
          description: violations.description,
          location: violations.location,
          foundAt: violations.foundAt,
          deadline: violations.deadline,
          status: violations.status,
        })
        .from(violations)
        .where(
          and(
            eq(violations.organizationId, org),
            eq(violations.projectId, link.projectId),
            inArray(violations.inspectionId, inspectionIds),
            // A crew's unreviewed finding, or one dismissed as not a violation, is not part of the public record.
            notInArray(violations.status, ['reported', 'dismissed']),
          ),
        )
        .orderBy(asc(violations.foundAt), asc(violations.id))
    : [];
  const actions = found.length
    ? await tx
        .select({
          violationId: correctiveActions.violationId,
          description: correctiveActions.description,
          dueAt: correctiveActions.dueAt,
          status: correctiveActions.status,
          fixedAt: correctiveActions.fixedAt,
          verifiedAt: correctiveActions.verifiedAt,
        })
        .from(correctiveActions)
        .where(
          and(
            eq(correctiveActions.organizationId, org),
            inArray(
              correctiveActions.violationId,
              found.map((v) => v.id),
            ),
          ),
        )
        .orderBy(asc(correctiveActions.dueAt))
    : [];
  const { publicSwpppDocumentId, ...shownProject } = project;
  const [shownPhotos, swppp] = await Promise.all([
    inspectionIds.length ? publishedPhotos(tx, link, inspectionIds) : [],
    publicSwpppDocumentId ? publishedSwppp(tx, link, publicSwpppDocumentId) : undefined,
  ]);

  return {
    project: shownProject,
    companyName: company.name,
    // The site's zone, else the organization's (lib/format/when.ts).
    timeZone: project.timeZone ?? settings[0]?.timezone ?? 'America/New_York',
    photos: shownPhotos,
    swppp,
    inspections: published,
    violations: found,
    correctiveActions: actions,
    bmpNames: new Map(bmps.map((b) => [b.key, b.name])),
    violationTypeNames: new Map(types.map((t) => [t.id, t.name])),
  };
}

/** Stored photos of the given published inspections (their object keys stay server-side: only presigned URLs leave). */
async function publishedPhotos(tx: Tx, link: Pick<PublicLink, 'organizationId' | 'projectId'>, inspectionIds: string[]) {
  return tx
    .select({
      inspectionId: photos.inspectionId,
      storageKey: photos.storageKey,
      thumbnailKey: photos.thumbnailKey,
      contentType: photos.contentType,
      caption: photos.caption,
      takenAt: photos.takenAt,
    })
    .from(photos)
    .where(
      and(
        eq(photos.organizationId, link.organizationId),
        eq(photos.projectId, link.projectId),
        eq(photos.status, 'stored'),
        inArray(photos.inspectionId, inspectionIds),
      ),
    )
    .orderBy(asc(photos.takenAt), asc(photos.storedAt))
    .limit(500);
}

/** The one SWPPP version the project chose to show; undefined when it is not a stored SWPPP of this project. */
async function publishedSwppp(tx: Tx, link: Pick<PublicLink, 'organizationId' | 'projectId'>, documentId: string) {
  const [row] = await tx
    .select({
      storageKey: documents.storageKey,
      fileName: documents.fileName,
      contentType: documents.contentType,
      title: documents.title,
      version: documents.version,
      storedAt: documents.storedAt,
      sizeBytes: documents.sizeBytes,
    })
    .from(documents)
    .where(
      and(
        eq(documents.organizationId, link.organizationId),
        eq(documents.projectId, link.projectId),
        eq(documents.id, documentId),
        eq(documents.kind, 'swppp'),
        eq(documents.status, 'stored'),
      ),
    )
    .limit(1);
  return row;
}

export type PublicSite = NonNullable<Awaited<ReturnType<typeof loadPublicSite>>>;

/**
 * The file route's check (lib/inspect/public-files.ts): a stored photo of a
 * published inspection of the link's project whose photo or thumbnail is this
 * object key. brave_public's photos policy admits nothing else either.
 */
export async function findPublishedPhotoByKey(tx: Tx, link: Pick<PublicLink, 'organizationId' | 'projectId'>, key: string) {
  const [row] = await tx
    .select({ storageKey: photos.storageKey, thumbnailKey: photos.thumbnailKey, contentType: photos.contentType })
    .from(photos)
    .where(
      and(
        eq(photos.organizationId, link.organizationId),
        eq(photos.projectId, link.projectId),
        eq(photos.status, 'stored'),
        isNotNull(photos.inspectionId),
        or(eq(photos.storageKey, key), eq(photos.thumbnailKey, key)),
      ),
    )
    .limit(1);
  return row;
}

/** The file route's check for the SWPPP: this key is the stored SWPPP version the link's project points at. */
export async function findPublishedSwpppByKey(tx: Tx, link: Pick<PublicLink, 'organizationId' | 'projectId'>, key: string) {
  const [row] = await tx
    .select({ fileName: documents.fileName, contentType: documents.contentType })
    .from(documents)
    .innerJoin(
      projects,
      and(
        eq(projects.organizationId, documents.organizationId),
        eq(projects.id, documents.projectId),
        eq(projects.publicSwpppDocumentId, documents.id),
      ),
    )
    .where(
      and(
        eq(documents.organizationId, link.organizationId),
        eq(documents.projectId, link.projectId),
        eq(documents.storageKey, key),
        eq(documents.kind, 'swppp'),
        eq(documents.status, 'stored'),
      ),
    )
    .limit(1);
  return row;
}
