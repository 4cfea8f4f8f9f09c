/**
 * Photos and documents end to end against the real database and the embedded
 * S3: request → presigned POST → confirm → download, and every refusal the
 * confirm step owes (issue 9). s3rver enforces no policy, so each hostile
 * upload here reaches S3 as it would on a server with a misconfigured policy:
 * what these tests show is that the server-side checks alone keep it out.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, documents, photos, securityEvents } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { HTML_AS_JPEG, makeJpeg, makePdf, SVG_FILE } from '@/tests/support/photo-fixtures';
import { objectExists, plantObject, postUpload } from '@/tests/support/storage';
import type { Role } from '@/lib/rbac/permissions';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { requestPhotoUploadAction } = await import('@/app/(app)/photos/actions/request-photo-upload');
const { confirmPhotoUploadAction } = await import('@/app/(app)/photos/actions/confirm-photo-upload');
const { requestDocumentUploadAction } = await import('@/app/(app)/documents/actions/request-document-upload');
const { confirmDocumentUploadAction } = await import('@/app/(app)/documents/actions/confirm-document-upload');
const { GET: getPhotoFile } = await import('@/app/api/v1/photos/[id]/file/route');
const { GET: getDocumentFile } = await import('@/app/api/v1/documents/[id]/file/route');

let a: TenantGraph;
let b: TenantGraph;
const as = (role: Role, t: TenantGraph = a) => actAs({ userId: t.userId, orgId: t.orgId, role });

type Ticket = { id: string; upload: { url: string; fields: Record<string, string>; maxBytes: number } };

async function ticketFor(t: TenantGraph, body: Uint8Array, over: Record<string, unknown> = {}): Promise<Ticket> {
  as('crew', t);
  const res = await requestPhotoUploadAction(null, {
    inspectionId: t.keys.inspections,
    bmpItemKey: 'silt_fence',
    fileName: 'fence.jpg',
    contentType: 'image/jpeg',
    sizeBytes: body.length,
    ...over,
  });
  if (!res.ok) throw new Error(`request refused: ${JSON.stringify(res)}`);
  return res.data as Ticket;
}

async function rowOf(t: TenantGraph, id: string) {
  return withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => (await tx.select().from(photos).where(and(eq(photos.organizationId, t.orgId), eq(photos.id, id))))[0]);
}

const storedCount = (t: TenantGraph) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) =>
    (await tx.execute<{ n: number }>(sql`select (select count(*) from photos where status = 'stored') + (select count(*) from documents where status = 'stored') as n`))[0]!.n,
  ).then(Number);

function callRoute(fn: typeof getPhotoFile, id: string, query = '') {
  return fn(new Request(`http://app.test/api/v1/x/${id}/file${query}`), { params: Promise.resolve({ id }) });
}

beforeAll(async () => {
  a = await seedTenant('files_a');
  b = await seedTenant('files_b');
  await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.execute(sql`update compliance_settings set timezone = 'America/Chicago'`));
});

describe('photo upload → confirm → download', () => {
  it('stores a checked photo with EXIF time and place, and serves it only through a presigned GET', async () => {
    const jpeg = await makeJpeg({ takenAt: '2026:11:20 09:30:00', gps: { lat: 30.2672, lon: -97.7431 } });
    const t = await ticketFor(a, jpeg);
    expect(t.upload.fields.key).toMatch(new RegExp(`^tenants/${a.orgId}/photos/${t.id}/fence\\.jpg$`));
    expect(t.upload.fields['x-amz-meta-organization-id']).toBe(a.orgId);
    expect(JSON.parse(Buffer.from(t.upload.fields.Policy!, 'base64').toString()).conditions).toContainEqual(['content-length-range', 1, 15 * 1024 * 1024]);
    expect((await rowOf(a, t.id))?.status).toBe('pending');
    expect(await postUpload(t.upload, jpeg)).toBe(204);

    as('crew');
    const confirmed = await confirmPhotoUploadAction(null, { id: t.id });
    expect(confirmed).toMatchObject({ ok: true, data: { id: t.id, takenAt: '2026-11-20T15:30:00.000Z', bmpItemKey: 'silt_fence' } });
    const row = (await rowOf(a, t.id))!;
    expect(row).toMatchObject({ status: 'stored', sizeBytes: jpeg.length, projectId: a.keys.projects });
    expect(row.latitude).toBeCloseTo(30.2672, 3);
    expect(row.takenAtSuspect).toBe(true); // captured 2026-11-20, uploaded now: more than a day apart

    const res = await callRoute(getPhotoFile, t.id);
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(url.pathname).toContain(`/tenants/${a.orgId}/photos/${t.id}/`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="fence.jpg"/);
    expect(Buffer.from(await file.arrayBuffer()).equals(jpeg)).toBe(true);
    const dl = new URL((await callRoute(getPhotoFile, t.id, '?download=1')).headers.get('location')!);
    expect(dl.searchParams.get('response-content-disposition')).toMatch(/^attachment;/);

    const audit = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organizationId, a.orgId), eq(auditLog.entityId, t.id))));
    expect(audit.map((r) => r.action).sort()).toEqual(['create', 'update']);
  });

  it('a photo taken within the day is not flagged; one without EXIF has no capture time', async () => {
    const now = new Date();
    const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Chicago', dateStyle: 'short', timeStyle: 'medium' }).format(now).replace(/-/g, ':');
    const fresh = await makeJpeg({ takenAt: wall });
    const t1 = await ticketFor(a, fresh);
    await postUpload(t1.upload, fresh);
    const r1 = await confirmPhotoUploadAction(null, { id: t1.id });
    expect(r1).toMatchObject({ ok: true, data: { takenAtSuspect: false } });

    const bare = await makeJpeg();
    const t2 = await ticketFor(a, bare);
    await postUpload(t2.upload, bare);
    expect(await confirmPhotoUploadAction(null, { id: t2.id })).toMatchObject({ ok: true, data: { takenAt: null, takenAtSuspect: false } });
  });

  it('a file name with ../ or %2e%2e stays inside the tenant folder', async () => {
    const jpeg = await makeJpeg();
    for (const name of ['../../tenants/' + b.orgId + '/photos/x.jpg', '%2e%2e%2f%2e%2e%2fx.jpg', '..\\..\\x.jpg']) {
      const t = await ticketFor(a, jpeg, { fileName: name });
      expect(t.upload.fields.key!.startsWith(`tenants/${a.orgId}/photos/${t.id}/`)).toBe(true);
      expect(t.upload.fields.key!.slice(`tenants/${a.orgId}/photos/${t.id}/`.length)).not.toMatch(/\.\.|\/|\\/);
    }
  });
});

describe('refusals: nothing stored, the object deleted, a message that says why', () => {
  it.each([
    ['an oversize declaration', { sizeBytes: 16 * 1024 * 1024 }, /too large: the limit is 15\.0 MB/],
    ['text/html', { contentType: 'text/html' }, /can't be attached as a photo/],
    ['image/svg+xml', { contentType: 'image/svg+xml' }, /can't be attached as a photo/],
    ['no target', { inspectionId: undefined, bmpItemKey: undefined }, /exactly one inspection/],
  ])('request with %s is refused before anything is written', async (_label, over, message) => {
    const before = await storedCount(a);
    as('crew');
    const res = await requestPhotoUploadAction(null, { inspectionId: a.keys.inspections, fileName: 'x.jpg', contentType: 'image/jpeg', sizeBytes: 1000, ...over });
    expect(res.ok).toBe(false);
    expect(JSON.stringify(res)).toMatch(message);
    expect(await storedCount(a)).toBe(before);
  });

  async function refusedAtConfirm(body: Uint8Array, declared: Record<string, unknown>, postOverride: Record<string, string> = {}) {
    const t = await ticketFor(a, body, declared);
    expect(await postUpload(t.upload, body, postOverride)).toBe(204); // s3rver takes anything: the confirm is what protects
    const res = await confirmPhotoUploadAction(null, { id: t.id });
    expect(res.ok).toBe(false);
    expect((await rowOf(a, t.id))?.status).toBe('pending');
    expect(await objectExists(t.upload.fields.key!)).toBe(false);
    return (res as { formError: string }).formError;
  }

  it('an object larger than the limit (the policy was not enforced)', async () => {
    const big = Buffer.concat([await makeJpeg(), Buffer.alloc(15 * 1024 * 1024 + 1)]);
    expect(await refusedAtConfirm(big, { sizeBytes: 1000 })).toMatch(/is 15\.0 MB; the limit is 15\.0 MB|limit is 15\.0 MB/);
  });

  it('HTML saved as .jpg (magic bytes)', async () => {
    expect(await refusedAtConfirm(HTML_AS_JPEG, {})).toMatch(/not a JPEG image/);
  });

  it('an SVG declared as PNG', async () => {
    expect(await refusedAtConfirm(SVG_FILE, { contentType: 'image/png', fileName: 'x.png' })).toMatch(/not a PNG image/);
  });

  it('a JPEG uploaded with another Content-Type than declared', async () => {
    expect(await refusedAtConfirm(await makeJpeg(), {}, { 'Content-Type': 'text/html' })).toMatch(/uploaded as text\/html/);
  });

  it("an object tagged with another tenant's org id", async () => {
    expect(await refusedAtConfirm(await makeJpeg(), {}, { 'x-amz-meta-organization-id': b.orgId })).toMatch(/not tagged for your organization/);
  });

  it('a confirm before the upload arrived keeps the row pending and says so', async () => {
    const t = await ticketFor(a, await makeJpeg());
    const res = await confirmPhotoUploadAction(null, { id: t.id });
    expect(res).toEqual({ ok: false, formError: 'No file has arrived for this upload yet. Upload it, then confirm.' });
  });

  it('a replayed confirm is refused and writes nothing', async () => {
    const jpeg = await makeJpeg();
    const t = await ticketFor(a, jpeg);
    await postUpload(t.upload, jpeg);
    expect((await confirmPhotoUploadAction(null, { id: t.id })).ok).toBe(true);
    const before = await storedCount(a);
    expect(await confirmPhotoUploadAction(null, { id: t.id })).toEqual({ ok: false, formError: 'This upload was already confirmed.' });
    expect(await storedCount(a)).toBe(before);
  });

  it("another tenant's row: confirm and download are a plain 404, and A's upload is untouched", async () => {
    const jpeg = await makeJpeg();
    const t = await ticketFor(a, jpeg);
    await postUpload(t.upload, jpeg);
    as('owner', b);
    expect(await confirmPhotoUploadAction(null, { id: t.id })).toEqual({ ok: false, formError: 'Not found.' });
    expect((await rowOf(a, t.id))?.status).toBe('pending');
    expect(await objectExists(t.upload.fields.key!)).toBe(true);
    as('crew');
    expect((await confirmPhotoUploadAction(null, { id: t.id })).ok).toBe(true);
    as('owner', b);
    const res = await callRoute(getPhotoFile, t.id);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(a.orgId);
    // B's own request can't target A's inspection either.
    expect(await requestPhotoUploadAction(null, { inspectionId: a.keys.inspections, fileName: 'x.jpg', contentType: 'image/jpeg', sizeBytes: 10 })).toEqual({ ok: false, formError: 'Not found.' });
  });

  it('an object replaced after confirm (other org tag, other bytes) is never served', async () => {
    const jpeg = await makeJpeg();
    const t = await ticketFor(a, jpeg);
    await postUpload(t.upload, jpeg);
    expect((await confirmPhotoUploadAction(null, { id: t.id })).ok).toBe(true);
    await plantObject(t.upload.fields.key!, HTML_AS_JPEG, 'image/jpeg', b.orgId);
    as('owner');
    expect((await callRoute(getPhotoFile, t.id)).status).toBe(404);
    // Same tag, other bytes: still refused (size / ETag differ).
    await plantObject(t.upload.fields.key!, HTML_AS_JPEG, 'image/jpeg', a.orgId);
    expect((await callRoute(getPhotoFile, t.id)).status).toBe(404);
    const events = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.select().from(securityEvents).where(eq(securityEvents.kind, 'STORED_OBJECT_CHANGED')));
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('a viewer may not upload', async () => {
    as('viewer');
    expect(await requestPhotoUploadAction(null, { inspectionId: a.keys.inspections, fileName: 'x.jpg', contentType: 'image/jpeg', sizeBytes: 10 })).toEqual({ ok: false, formError: 'You do not have permission to do that.' });
  });
});

describe('project documents', () => {
  async function uploadDocument(t: TenantGraph, title: string, body: Uint8Array, contentType = 'application/pdf') {
    as('owner', t);
    const res = await requestDocumentUploadAction(null, { projectId: t.keys.projects, kind: 'swppp', title, fileName: 'SWPPP rev.pdf', contentType, sizeBytes: body.length });
    if (!res.ok) throw new Error(JSON.stringify(res));
    const ticket = res.data as Ticket;
    await postUpload(ticket.upload, body);
    return { ticket, confirmed: await confirmDocumentUploadAction(null, { id: ticket.id }) };
  }

  it('a new SWPPP becomes the next version and keeps the old ones; downloads are attachments', async () => {
    const first = await uploadDocument(a, 'Site SWPPP', makePdf('v1'));
    const second = await uploadDocument(a, 'Site SWPPP', makePdf('v2'));
    expect(first.confirmed).toMatchObject({ ok: true, data: { version: 1 } });
    expect(second.confirmed).toMatchObject({ ok: true, data: { version: 2 } });
    const rows = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) => tx.select().from(documents).where(and(eq(documents.title, 'Site SWPPP'), eq(documents.status, 'stored'))));
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
    const res = await callRoute(getDocumentFile, second.ticket.id);
    const file = await fetch(res.headers.get('location')!);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="SWPPP rev.pdf"/);
    expect(await file.text()).toContain('v2');
  });

  it('a "PDF" that is HTML is refused, and no version number is used up', async () => {
    const bad = await uploadDocument(a, 'Permit', HTML_AS_JPEG);
    expect(bad.confirmed).toMatchObject({ ok: false, formError: expect.stringMatching(/not a PDF/) });
    const good = await uploadDocument(a, 'Permit', makePdf());
    expect(good.confirmed).toMatchObject({ ok: true, data: { version: 1 } });
  });

  it('crew may not upload project documents; another tenant gets 404 for the project', async () => {
    as('crew');
    expect((await requestDocumentUploadAction(null, { projectId: a.keys.projects, kind: 'swppp', title: 'x', fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: 10 })).ok).toBe(false);
    as('owner', b);
    expect(await requestDocumentUploadAction(null, { projectId: a.keys.projects, kind: 'swppp', title: 'x', fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: 10 })).toEqual({ ok: false, formError: 'Not found.' });
  });
});
