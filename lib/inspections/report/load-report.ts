import 'server-only';
import sharp from 'sharp';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listPhotos } from '@/db/queries/files';
import { getSubmissionForInspection } from '@/db/queries/form-submissions';
import { getInspection } from '@/db/queries/inspections';
import { findLiveProjectLink } from '@/db/queries/inspector-links';
import { getOrganization } from '@/db/queries/organizations';
import { getProject } from '@/db/queries/projects';
import { listRainEvents } from '@/db/queries/rain-events';
import { listInspectionFindings, listBmpCategories } from '@/db/queries/violations';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { assertUnchanged } from '@/lib/files/download';
import { hashToken, TOKEN_PATTERN } from '@/lib/inspect/token';
import { publicOrigin } from '@/lib/inspect/poster-qr';
import { recordSha256 } from '@/lib/inspections/record-hash';
import { logoBytes } from '@/lib/settings/organization-logo';
import { readObject } from '@/lib/storage/objects';

const DAY = 86_400_000;
/** Photos printed per report: a regulator gets the evidence, the PDF stays a few MB at most. */
const MAX_PHOTOS = 12;

interface ReportPhoto {
  jpeg: Buffer;
  caption: string;
  takenAt: Date | null;
}

/** Everything the PDF prints, read inside the tenant's door. */
export type ReportData = Awaited<ReturnType<typeof loadInspectionReport>>;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The signed inspection's report data. 404 for a missing or another tenant's
 * id (the same answer), 409 for an inspection that is not signed yet — a
 * report is only ever of a signed record. `verifyToken` (the site's QR token,
 * optional) is printed as the verification link only if it opens a live link
 * of this inspection's project: tokens are never stored (docs/inspector-page.md).
 */
export async function loadInspectionReport(tx: Tx, ctx: TenantContext, id: string, verifyToken?: string) {
  const inspection = await getInspection(tx, ctx.orgId, id);
  if (!inspection) throw PublicError.notFound();
  if (!inspection.signedAt || !inspection.recordSha256)
    throw PublicError.conflict('This inspection is not signed yet: a report can be made once an inspector has signed it.');
  const [project, org, submission, findings, bmpCategories, photoRows] = await Promise.all([
    getProject(tx, ctx.orgId, inspection.projectId),
    getOrganization(tx, ctx.orgId),
    getSubmissionForInspection(tx, ctx.orgId, id),
    listInspectionFindings(tx, ctx.orgId, id),
    listBmpCategories(tx, ctx.orgId),
    listPhotos(tx, ctx.orgId, { inspectionId: id }),
  ]);
  if (!project || !org) throw PublicError.notFound();
  const timeZone = project.timeZone ?? (await orgTimeZone(tx, ctx.orgId));
  const inspectedAt = inspection.inspectedAt ?? inspection.signedAt;
  const rain = await listRainEvents(tx, ctx.orgId, { projectId: project.id, since: new Date(inspectedAt.getTime() - 7 * DAY), limit: 20 });
  const rainBefore = rain
    .map((r) => r.event)
    .filter((e) => e.startedAt <= inspectedAt)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());

  const photos: ReportPhoto[] = [];
  for (const p of photoRows.filter((r) => r.status === 'stored').slice(0, MAX_PHOTOS)) {
    // The same re-check a download makes: tagged for this org, same size and ETag as when confirmed.
    await assertUnchanged(ctx, 'photos', p);
    const bytes = await readObject(ctx.orgId, 'photos', p.thumbnailKey ?? p.storageKey);
    if (!bytes) continue;
    const jpeg = await sharp(bytes, { limitInputPixels: 80_000_000 }).rotate().resize(480, 480, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();
    photos.push({ jpeg, caption: p.caption ?? p.fileName, takenAt: p.takenAt });
  }

  let verifyUrl: string | null = null;
  if (verifyToken && TOKEN_PATTERN.test(verifyToken)) {
    if (await findLiveProjectLink(tx, ctx.orgId, project.id, hashToken(verifyToken))) verifyUrl = `${await publicOrigin()}/inspect/${verifyToken}`;
  }

  const data = (submission?.data ?? {}) as Record<string, unknown>;
  const logo = await logoBytes(ctx.orgId, org);
  return {
    inspection,
    project,
    operator: org.name,
    /** The org's logo as a small PNG (re-encoded: pdfkit reads few JPEG variants), or null. */
    logo: logo ? await sharp(logo, { limitInputPixels: 40_000_000 }).resize(600, 200, { fit: 'inside', withoutEnlargement: true }).png().toBuffer() : null,
    timeZone,
    weather: text(data.weather),
    dischargeOccurring: text(data.discharge_occurring),
    qualifications: text(data.inspector_qualifications),
    rainEvents: rainBefore,
    bmpCategoryNames: new Map(bmpCategories.map((c) => [c.key, c.name])),
    findings,
    photos,
    /** Recomputed now over the stored row: must equal the digest stored at signing. */
    recomputedSha256: recordSha256(inspection),
    publicPageOrigin: await publicOrigin(),
    verifyUrl,
  };
}
