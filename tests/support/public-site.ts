/**
 * A tenant whose project has everything the public QR page must show and
 * everything it must hide: published and unpublished inspections, violations
 * and corrective actions on each, and live, revoked and expired links.
 * Inserted as brave_app through the door, like the app does.
 */
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { randomUUID } from 'node:crypto';
import { newInspectorToken } from '@/lib/inspect/token';
import { objectKey } from '@/lib/storage/keys';
import { recordSha256 } from '@/lib/inspections/record-hash';
import { uniqueId } from './factories';

export interface PublicSiteFixture {
  orgId: string;
  projectId: string;
  otherProjectId: string;
  publishedId: string;
  draftId: string;
  tokens: { live: string; revoked: string; expired: string; otherProject: string };
  /** Object keys of the one photo the page shows (stored, on the published inspection) and of its thumbnail. */
  shownPhoto: { storageKey: string; thumbnailKey: string };
  /** Keys of photos that must never be presigned: pending, on a draft, on another project's inspection, on no inspection. */
  hiddenPhotoKeys: string[];
  /** The SWPPP versions: v1 (older) and v2 (current); `published` says whether the project shows v2. */
  swppp: { v1Key: string; v2Key: string; v2Id: string; published: boolean; otherDocKeys: string[] };
  /** Text that only unpublished rows or hidden columns carry: must never reach the page. */
  secrets: string[];
  /** Text of published rows: must be on the page. */
  shown: string[];
}

const DAY = 86_400_000;

export async function seedPublicSite(
  label: string,
  opts: { publishedCount?: number; publishSwppp?: boolean } = {},
): Promise<PublicSiteFixture> {
  const orgId = uniqueId('org', label);
  const userId = uniqueId('user', `${label}_owner`);
  const secret = (what: string) => `SECRET-${label}-${what}`;
  const tokens = {
    live: newInspectorToken(),
    revoked: newInspectorToken(),
    expired: newInspectorToken(),
    otherProject: newInspectorToken(),
  };

  return withTenant({ orgId, userId }, async (tx) => {
    await tx
      .insert(s.organizations)
      .values({ organizationId: orgId, name: `${label} Site Works`, slug: orgId.toLowerCase() });
    await tx.insert(s.complianceSettings).values({ organizationId: orgId, timezone: 'America/Chicago' });
    const [bmp] = await tx
      .insert(s.bmpCategories)
      .values({ organizationId: orgId, key: 'sediment_control', name: `${label} Sediment control` })
      .returning();
    const [type] = await tx
      .insert(s.violationTypes)
      .values({ organizationId: orgId, key: 'sediment', name: `${label} Sediment discharge` })
      .returning();
    const [project] = await tx
      .insert(s.projects)
      .values({
        organizationId: orgId,
        name: `${label} Riverside Lots`,
        address: '12 Levee Rd, Austin, TX',
        npdesPermitId: `TXR15${label.toUpperCase().slice(0, 4)}`,
        permitStart: '2026-01-05',
        permitEnd: '2027-06-30',
        noticeContactName: `${label} Pat Lee`,
        noticeContactPhone: '(512) 555-0100',
        swpppLocation: `${label} site trailer at the north gate`,
        // The site's own zone, not the org's (America/Chicago): the page must use this one.
        timeZone: 'America/Denver',
        createdBy: secret('creator'),
        receivingWater: secret('receiving-water-column-not-granted'),
      })
      .returning();
    const [other] = await tx
      .insert(s.projects)
      .values({ organizationId: orgId, name: secret('other-project'), createdBy: userId })
      .returning();

    const count = opts.publishedCount ?? 1;
    let publishedId = '';
    let publishedSha256 = '';
    for (let n = 0; n < count; n++) {
      const [row] = await tx
        .insert(s.inspections)
        .values({
          organizationId: orgId,
          projectId: project!.id,
          type: 'routine',
          status: 'published',
          inspectedAt: new Date(Date.now() - (n + 1) * DAY),
          inspectorName: `${label} Ines Ibarra`,
          inspectorTitle: 'Qualified inspector',
          inspectorUserId: secret('inspector-user-id'),
          bmpResults: [
            {
              bmpCategoryKey: 'sediment_control',
              item: 'silt_fence',
              label: `${label} Silt fence intact <i>`,
              result: 'fail',
              note: `${label} torn at <b>outfall</b> 2`,
            },
          ],
          findings: `${label} published finding <script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3)`,
          signedAt: new Date(Date.now() - (n + 1) * DAY + 3_600_000),
          signedBy: secret('signer-user-id'),
          signatureName: `${label} Ines Ibarra`,
          createdBy: secret('inspection-creator'),
        })
        .returning();
      if (n === 0) {
        publishedId = row!.id;
        // Sealed the way signing seals it (lib/inspections/seal-record.ts): the page shows this digest.
        publishedSha256 = recordSha256(row!);
        await tx.update(s.inspections).set({ recordSha256: publishedSha256 }).where(and(eq(s.inspections.organizationId, orgId), eq(s.inspections.id, row!.id)));
      }
    }
    const [draft] = await tx
      .insert(s.inspections)
      .values({
        organizationId: orgId,
        projectId: project!.id,
        status: 'draft',
        findings: secret('draft-finding'),
        createdBy: userId,
      })
      .returning();
    await tx
      .insert(s.inspections)
      .values({
        organizationId: orgId,
        projectId: project!.id,
        status: 'submitted',
        findings: secret('submitted-finding'),
        createdBy: userId,
      });
    await tx
      .insert(s.inspections)
      .values({
        organizationId: orgId,
        projectId: other!.id,
        status: 'published',
        findings: secret('other-project-finding'),
        createdBy: userId,
      });

    const violation = async (inspectionId: string, description: string, status: 'open' | 'reported' | 'dismissed' = 'open') => {
      const [v] = await tx
        .insert(s.violations)
        .values({
          organizationId: orgId,
          projectId: project!.id,
          inspectionId,
          violationTypeId: type!.id,
          bmpCategoryId: bmp!.id,
          description,
          location: 'javascript:alert(4)',
          deadline: new Date(Date.now() + 7 * DAY),
          foundBy: secret('found-by'),
          status,
        })
        .returning();
      return v!;
    };
    const shownViolation = await violation(publishedId, `${label} fence down at outfall`);
    // On the published inspection too, but not public: a crew's unreviewed finding and a dismissed one.
    await violation(publishedId, secret('reported-finding'), 'reported');
    await violation(publishedId, secret('dismissed-finding'), 'dismissed');
    const hiddenViolation = await violation(draft!.id, secret('draft-violation'));
    await tx.insert(s.correctiveActions).values([
      {
        organizationId: orgId,
        violationId: shownViolation.id,
        description: `${label} re-trench fence`,
        dueAt: new Date(Date.now() + DAY),
        assignedTo: secret('assignee'),
        createdBy: userId,
      },
      {
        organizationId: orgId,
        violationId: shownViolation.id,
        description: `${label} replace inlet filter`,
        dueAt: new Date(Date.now() - DAY),
        status: 'fixed',
        fixedAt: new Date(),
        fixedBy: secret('fixer'),
        createdBy: userId,
      },
      {
        organizationId: orgId,
        violationId: hiddenViolation.id,
        description: secret('draft-action'),
        dueAt: new Date(),
        createdBy: userId,
      },
    ]);
    // A violation found outside any inspection is not published either.
    await tx.insert(s.violations).values({
      organizationId: orgId,
      projectId: project!.id,
      violationTypeId: type!.id,
      description: secret('standalone-violation'),
      deadline: new Date(),
      foundBy: userId,
    });

    // Photos: one shown, the rest hidden for one reason each. Keys are never read by the page's HTML.
    const photo = async (inspectionId: string | null, values: Partial<typeof s.photos.$inferInsert>) => {
      const id = randomUUID();
      const storageKey = objectKey(orgId, 'photos', id, `${label}.jpg`);
      await tx.insert(s.photos).values({
        organizationId: orgId,
        id,
        projectId: project!.id,
        inspectionId,
        storageKey,
        fileName: `${label}-<img src=x onerror=alert(6)>.jpg`,
        contentType: 'image/jpeg',
        sizeBytes: 1000,
        status: 'stored',
        storedAt: new Date(),
        uploadedBy: secret('photo-uploader'),
        latitude: 30.1234,
        longitude: -97.5678,
        ...values,
      });
      return storageKey;
    };
    const shownKey = await photo(publishedId, {
      caption: `${label} published photo <img src=x onerror=alert(5)> javascript:alert(7)`,
      takenAt: new Date('2026-07-04T15:30:00Z'),
    });
    const shownPhotoId = shownKey.split('/')[3]!;
    const shownThumb = objectKey(orgId, 'photos', shownPhotoId, 'thumb.webp');
    await tx.update(s.photos).set({ thumbnailKey: shownThumb, thumbnailBytes: 100 }).where(eq(s.photos.storageKey, shownKey));
    const hiddenPhotoKeys = [
      await photo(publishedId, { status: 'pending', storedAt: null, caption: secret('pending-photo') }),
      await photo(draft!.id, { caption: secret('draft-photo') }),
      await photo(null, { caption: secret('unattached-photo') }),
    ];
    const [otherPublished] = await tx
      .select({ id: s.inspections.id })
      .from(s.inspections)
      .where(and(eq(s.inspections.organizationId, orgId), eq(s.inspections.projectId, other!.id)));
    hiddenPhotoKeys.push(await photo(otherPublished!.id, { projectId: other!.id, caption: secret('other-project-photo') }));

    const doc = async (values: Partial<typeof s.documents.$inferInsert>) => {
      const id = randomUUID();
      const storageKey = objectKey(orgId, 'documents', id, 'swppp.pdf');
      await tx.insert(s.documents).values({
        organizationId: orgId,
        id,
        projectId: project!.id,
        storageKey,
        fileName: `${label} SWPPP "<script>alert(8)</script>".pdf`,
        contentType: 'application/pdf',
        sizeBytes: 250_000,
        status: 'stored',
        storedAt: new Date(),
        uploadedBy: secret('document-uploader'),
        title: `${label} Stormwater plan <b>rev</b>`,
        kind: 'swppp',
        ...values,
      });
      return { id, storageKey };
    };
    const v1 = await doc({ version: 1, storedAt: new Date(Date.now() - 30 * DAY), title: `${label} Stormwater plan <b>rev</b>` });
    const v2 = await doc({ version: 2 });
    const otherSwppp = await doc({ projectId: other!.id, title: secret('other-project-swppp'), version: 1 });
    const otherDocKeys = [(await doc({ kind: 'permit', title: secret('permit-doc'), version: 1 })).storageKey, otherSwppp.storageKey];
    const publishSwppp = opts.publishSwppp ?? true;
    if (publishSwppp) await tx.update(s.projects).set({ publicSwpppDocumentId: v2.id }).where(eq(s.projects.id, project!.id));
    // The other project publishes its own SWPPP: this project's link must still never show it.
    await tx.update(s.projects).set({ publicSwpppDocumentId: otherSwppp.id }).where(eq(s.projects.id, other!.id));

    const link = (
      t: { tokenHash: string },
      projectId: string,
      extra: Partial<typeof s.inspectorLinks.$inferInsert> = {},
    ) =>
      tx
        .insert(s.inspectorLinks)
        .values({
          organizationId: orgId,
          projectId,
          tokenHash: t.tokenHash,
          createdBy: userId,
          label: secret('link-label'),
          ...extra,
        });
    await link(tokens.live, project!.id);
    await link(tokens.revoked, project!.id, { revokedAt: new Date() });
    await link(tokens.expired, project!.id, { expiresAt: new Date(Date.now() - 1000) });
    await link(tokens.otherProject, other!.id);

    return {
      orgId,
      projectId: project!.id,
      otherProjectId: other!.id,
      publishedId,
      draftId: draft!.id,
      shownPhoto: { storageKey: shownKey, thumbnailKey: shownThumb },
      hiddenPhotoKeys,
      swppp: { v1Key: v1.storageKey, v2Key: v2.storageKey, v2Id: v2.id, published: publishSwppp, otherDocKeys },
      tokens: {
        live: tokens.live.token,
        revoked: tokens.revoked.token,
        expired: tokens.expired.token,
        otherProject: tokens.otherProject.token,
      },
      secrets: [
        'draft-finding',
        'submitted-finding',
        'other-project-finding',
        'draft-violation',
        'reported-finding',
        'dismissed-finding',
        'draft-action',
        'standalone-violation',
        'creator',
        'inspector-user-id',
        'signer-user-id',
        'inspection-creator',
        'found-by',
        'assignee',
        'fixer',
        'link-label',
        'receiving-water-column-not-granted',
        'photo-uploader',
        'pending-photo',
        'draft-photo',
        'unattached-photo',
        'other-project-photo',
        'document-uploader',
        'permit-doc',
        'other-project-swppp',
      ].map(secret),
      shown: [
        `${label} Riverside Lots`,
        `${label} fence down at outfall`,
        `${label} re-trench fence`,
        `${label} replace inlet filter`,
        `${label} Sediment control`,
        `${label} Pat Lee`,
        publishedSha256,
      ],
    };
  });
}
