/**
 * A tenant whose project has everything the public QR page must show and
 * everything it must hide: published and unpublished inspections, violations
 * and corrective actions on each, and live, revoked and expired links.
 * Inserted as brave_app through the door, like the app does.
 */
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { newInspectorToken } from '@/lib/inspect/token';
import { recordSha256 } from '@/lib/inspections/record-hash';
import { uniqueId } from './factories';

export interface PublicSiteFixture {
  orgId: string;
  projectId: string;
  otherProjectId: string;
  publishedId: string;
  draftId: string;
  tokens: { live: string; revoked: string; expired: string; otherProject: string };
  /** Text that only unpublished rows or hidden columns carry: must never reach the page. */
  secrets: string[];
  /** Text of published rows: must be on the page. */
  shown: string[];
}

const DAY = 86_400_000;

export async function seedPublicSite(
  label: string,
  opts: { publishedCount?: number } = {},
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
              item: 'Silt fence intact',
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

    const violation = async (inspectionId: string, description: string) => {
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
        })
        .returning();
      return v!;
    };
    const shownViolation = await violation(publishedId, `${label} fence down at outfall`);
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
