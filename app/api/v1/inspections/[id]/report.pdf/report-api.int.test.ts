/**
 * GET /api/v1/inspections/:id/report.pdf against the real database and the
 * local S3: an inspection made through the app's own actions (photo uploaded,
 * submitted, signed — the seal in the signing transaction) and a seeded signed
 * one. The PDF's text is read back with poppler's pdftotext and checked field
 * by field; the printed digest equals the hash recomputed over the stored row,
 * and a planted change to the record makes the recomputed hash differ (and
 * the report says so). Page 1 is rendered with pdftoppm to a PNG under
 * test-results/ for a person to look at. Other tenant's id: 404; unsigned: 409.
 */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inspections, projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { recordSha256 } from '@/lib/inspections/record-hash';
import { CERTIFICATION_STATEMENT } from '@/lib/inspections/certification';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { acme, bolt, completeEpaForm, crewA, inspectorA, inspectorB, seedInspectionFixtures } from '@/tests/support/inspection-fixtures';
import { makeJpeg } from '@/tests/support/photo-fixtures';
import { postUpload } from '@/tests/support/storage';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { GET } = await import('./route');
const { createInspectionAction } = await import('@/app/(app)/inspections/actions/create-inspection');
const { submitInspectionAction } = await import('@/app/(app)/inspections/actions/submit-inspection');
const { signInspectionAction } = await import('@/app/(app)/inspections/actions/sign-inspection');
const { requestPhotoUploadAction } = await import('@/app/(app)/photos/actions/request-photo-upload');
const { confirmPhotoUploadAction } = await import('@/app/(app)/photos/actions/confirm-photo-upload');
const { publishInspectionAction } = await import('@/app/(app)/inspections/actions/publish-inspection');
const { createInspectorLinkAction } = await import('@/app/(app)/projects/[id]/inspector-links/actions/create-inspector-link');
const publicPage = await import('@/app/inspect/[token]/route');
const { loadInspectionReport } = await import('@/lib/inspections/report/load-report');
const { renderInspectionPdf } = await import('@/lib/inspections/report/render-pdf');
const { updateOrganizationLogoAction } = await import('@/app/(app)/settings/actions/update-organization-logo');

const OUT = path.resolve(import.meta.dirname, '../../../../../../test-results/inspection-report');
let db: ReturnType<typeof testDatabase.app>;
let acmeProject: string;
let signedId: string;
let draftId: string;

const report = (id: string) => GET(new Request(`http://app.test/api/v1/inspections/${id}/report.pdf`), { params: Promise.resolve({ id }) });

/** pdftotext -layout over the bytes; whitespace runs collapsed so wrapped labels still match. */
function pdfText(pdf: Uint8Array, name: string): string {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const rowOf = (orgId: string, id: string) =>
  withTenantOn(db, { orgId, userId: 'test' }, async (tx) => (await tx.select().from(inspections).where(eq(inspections.id, id)))[0]!);

beforeAll(async () => {
  db = testDatabase.app({ max: 2 });
  acmeProject = (await seedInspectionFixtures(db)).acmeProjects[0]!;
  await withTenantOn(db, { orgId: acme.id, userId: 'test' }, (tx) =>
    tx.update(projects).set({ timeZone: 'America/Chicago' }).where(and(eq(projects.organizationId, acme.id), eq(projects.id, acmeProject))),
  );
  actAs(crewA);
  const created = await createInspectionAction(null, { projectId: acmeProject, type: 'routine', idempotencyKey: randomUUID() });
  if (!created.ok) throw new Error(JSON.stringify(created));
  signedId = created.data.inspectionId;
  const jpeg = await makeJpeg({ takenAt: '2026:05:04 09:30:00', color: '#8a5a2b' });
  const ticket = await requestPhotoUploadAction(null, { inspectionId: signedId, bmpItemKey: 'silt_fence', fileName: 'ne-corner.jpg', contentType: 'image/jpeg', sizeBytes: jpeg.length });
  if (!ticket.ok) throw new Error(JSON.stringify(ticket));
  const t = ticket.data as { id: string; upload: { url: string; fields: Record<string, string> } };
  expect(await postUpload(t.upload, jpeg)).toBe(204);
  expect((await confirmPhotoUploadAction(null, { id: t.id })).ok).toBe(true);
  expect((await submitInspectionAction(null, { inspectionId: signedId, data: completeEpaForm({ weather: 'Overcast, light wind' }) })).ok).toBe(true);
  actAs(inspectorA);
  expect((await signInspectionAction(null, { inspectionId: signedId, name: 'Ines Ibarra', title: 'CPESC #1234', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' })).ok).toBe(true);
  actAs(crewA);
  const draft = await createInspectionAction(null, { projectId: acmeProject, type: 'storm_event', idempotencyKey: randomUUID() });
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  draftId = draft.data.inspectionId;
});

describe('GET /api/v1/inspections/:id/report.pdf', () => {
  it('prints every field a regulator needs, and the digest stored at signing, which recomputes over the stored row', async () => {
    actAs(inspectorA);
    const res = await report(signedId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const row = await rowOf(acme.id, signedId);
    expect(row.recordSha256).toMatch(/^[0-9a-f]{64}$/);
    // The digest of the row as it is stored now, computed here independently of the report code path.
    expect(recordSha256(row)).toBe(row.recordSha256);
    expect(res.headers.get('x-record-sha256')).toBe(row.recordSha256);
    // Sealed under layout 2: the signer's title and qualifications are in the record.
    expect(row.recordHashVersion).toBe(2);
    expect(recordSha256({ ...row, signatureQualifications: 'none' })).not.toBe(row.recordSha256);

    const text = pdfText(pdf, 'signed');
    for (const expected of [
      'Stormwater Inspection Report',
      'Operator: Acme Site Works',
      `Permit tracking number (NPDES ID): ${'TXR15'}`,
      'Site: Riverside Apartments',
      'Address: 100 River Rd, Austin, TX',
      'Inspector: Carlos Cruz',
      'Title: CPESC #1234',
      'Weather at the time of inspection: Overcast, light wind',
      'Rain gauge reading: 0.30 in',
      'Silt fence / perimeter controls intact',
      'FAIL Down at NE corner',
      'Areas not inspected and why North stockpile: flooded access road',
      'Photo 1: ne-corner.jpg',
      'Signed by: Ines Ibarra',
      'Qualifications (CGP Part 4.1.1 qualified person): EPA CGP inspector training, 2025',
      'record format v2',
      CERTIFICATION_STATEMENT.slice(0, 60),
      row.recordSha256!,
      'Verify: scan the QR code posted at the site',
    ]) {
      expect(text).toContain(expected);
    }
    // Times in the project's zone (America/Chicago), with the abbreviation.
    expect(text).toMatch(/Date and time: May 4, 2026, \d{1,2}:\d{2} [AP]M CDT/);
    expect(text).toMatch(/Signed at: \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M C[DS]T/);
    expect(text).toContain('Times are in America/Chicago');
    expect(text).not.toContain('WARNING');

    // Page 1 as a PNG, to look at (test-results/inspection-report/page-1.png).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path.join(OUT, 'signed.pdf'), path.join(OUT, 'page-1')]);
    expect(fs.statSync(path.join(OUT, 'page-1.png')).size).toBeGreaterThan(10_000);
  });

  it('prints the organization’s logo at the top of page 1 once the owner has set one (none before)', async () => {
    // pdfimages lists every image of page 1 with its pixel size: the photo is 480 wide, the logo 64.
    const pageOneImages = async () => {
      actAs(inspectorA);
      const res = await report(signedId);
      fs.mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, 'logo.pdf');
      fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
      return execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'));
    };
    expect(await pageOneImages()).not.toContain('64x24');
    actAs({ userId: 'user_acme_owner', orgId: acme.id, orgSlug: 'acme', role: 'owner' });
    const png = await sharp({ create: { width: 64, height: 24, channels: 3, background: '#1d4ed8' } }).png().toBuffer();
    expect((await updateOrganizationLogoAction(null, { logo: `data:image/png;base64,${png.toString('base64')}` })).ok).toBe(true);
    expect(await pageOneImages()).toContain('64x24');
  });

  it('negative control: a planted change to the record makes the recomputed hash differ, and the report says so', async () => {
    const row = await rowOf(acme.id, signedId);
    const planted = { ...row, findings: `${row.findings ?? ''} (edited later)` };
    expect(recordSha256(planted)).not.toBe(row.recordSha256);
    expect(recordSha256({ ...row, signatureName: 'Someone Else' })).not.toBe(row.recordSha256);
    // The report computed over a tampered row: same stored digest, a visible mismatch warning.
    actAs(inspectorA);
    const data = await withTenantOn(db, { orgId: acme.id, userId: inspectorA.userId }, (tx) =>
      loadInspectionReport(tx, { ...inspectorA, permissions: [] } as never, signedId),
    );
    const tampered = { ...data, inspection: planted, recomputedSha256: recordSha256(planted) };
    const text = pdfText(await renderInspectionPdf(tampered), 'tampered');
    expect(text).toContain('WARNING: the record as stored now hashes to');
    expect(text).toContain(recordSha256(planted));
  });

  it('a record sealed under layout 1 (before the signer’s title was hashed) keeps verifying under it', async () => {
    const actor = { orgId: acme.id, userId: inspectorA.userId };
    const id = await withTenantOn(db, actor, async (tx) => {
      const [r] = await tx
        .insert(inspections)
        .values({
          organizationId: acme.id,
          projectId: acmeProject,
          status: 'submitted',
          inspectedAt: new Date('2026-05-01T15:00:00Z'),
          inspectorName: 'Ines Ibarra',
          findings: 'All controls in place',
          signedBy: inspectorA.userId,
          signedAt: new Date('2026-05-01T16:00:00Z'),
          signatureName: 'Ines Ibarra',
          signatureTitle: 'Inspector',
          signatureStatement: CERTIFICATION_STATEMENT,
          recordHashVersion: 1,
          createdBy: inspectorA.userId,
        })
        .returning();
      await tx.update(inspections).set({ recordSha256: recordSha256(r!, 1) }).where(and(eq(inspections.organizationId, acme.id), eq(inspections.id, r!.id)));
      return r!.id;
    });
    const row = await rowOf(acme.id, id);
    expect(row.recordHashVersion).toBe(1);
    // Verified under its own layout, which does not cover the title: the title as stored makes no difference…
    expect(recordSha256(row)).toBe(row.recordSha256);
    expect(recordSha256({ ...row, signatureTitle: 'Director' })).toBe(row.recordSha256);
    // …and read under layout 2 the same row would not verify (the layout is what makes it verify).
    expect(recordSha256(row, 2)).not.toBe(row.recordSha256);
    actAs(inspectorA);
    const res = await report(id);
    expect(res.status).toBe(200);
    const text = pdfText(new Uint8Array(await res.arrayBuffer()), 'layout-1');
    expect(text).toContain(row.recordSha256!);
    expect(text).toContain('record format v1');
    expect(text).not.toContain('WARNING');
  });

  it('a seeded signed inspection: sealed by the seed, its digest recomputes and is printed', async () => {
    const seeded = await withTenantOn(db, { orgId: acme.id, userId: 'test' }, async (tx) =>
      (await tx.select().from(inspections).where(and(eq(inspections.organizationId, acme.id), eq(inspections.status, 'published'), isNotNull(inspections.signedAt))).limit(1))[0]!,
    );
    expect(seeded.recordSha256).toBe(recordSha256(seeded));
    actAs(inspectorA);
    const res = await report(seeded.id);
    expect(res.status).toBe(200);
    const text = pdfText(new Uint8Array(await res.arrayBuffer()), 'seeded');
    expect(text).toContain(seeded.recordSha256!);
    expect(text).toContain('Storm drain inlet protection');
    expect(text).toContain('Sediment at the east inlet');
  });

  it('published: the public inspector page shows the same digest; ?verify=<the site token> prints its link, any other token does not', async () => {
    actAs(inspectorA);
    expect((await publishInspectionAction(null, { inspectionId: signedId })).ok).toBe(true);
    const row = await rowOf(acme.id, signedId);
    actAs({ userId: 'user_acme_owner', orgId: acme.id, orgSlug: 'acme', role: 'owner' });
    const link = await createInspectorLinkAction(null, { projectId: acmeProject });
    if (!link.ok) throw new Error(JSON.stringify(link));
    const token = (link.data as { token: string }).token;
    const page = await publicPage.GET(new Request(`http://app.test/inspect/${token}`), { params: Promise.resolve({ token }) });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(row.recordSha256!);
    expect(html).toContain('Record SHA-256 (format v2)');
    expect(html).toContain('EPA CGP inspector training, 2025');

    actAs(inspectorA);
    const verified = await GET(new Request(`http://app.test/api/v1/inspections/${signedId}/report.pdf?verify=${token}`), { params: Promise.resolve({ id: signedId }) });
    expect(pdfText(new Uint8Array(await verified.arrayBuffer()), 'verified')).toContain(`/inspect/${token}`);
    const wrong = 'A'.repeat(43);
    const unverified = await GET(new Request(`http://app.test/api/v1/inspections/${signedId}/report.pdf?verify=${wrong}`), { params: Promise.resolve({ id: signedId }) });
    const text = pdfText(new Uint8Array(await unverified.arrayBuffer()), 'unverified');
    expect(text).not.toContain(wrong);
    expect(text).toContain('Verify: scan the QR code posted at the site');
  });

  it("another tenant's id, a missing id and a malformed id: the same 404", async () => {
    actAs(inspectorB);
    const foreign = await report(signedId);
    const missing = await report(randomUUID());
    const malformed = await report('not-a-uuid');
    for (const res of [foreign, missing, malformed]) expect(res.status).toBe(404);
    const bodies = await Promise.all([foreign, missing, malformed].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain(signedId);
    void bolt;
  });

  it('an unsigned inspection: 409 with a message that says why', async () => {
    actAs(inspectorA);
    const res = await report(draftId);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not signed yet/);
  });
});
