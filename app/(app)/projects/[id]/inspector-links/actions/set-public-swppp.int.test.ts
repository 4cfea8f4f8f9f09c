/**
 * The audited choice to show the current SWPPP on the public QR page: who may make it, what
 * is written, that a newer version replaces the shown one while the choice stands (an older
 * version is never published after a newer exists), and what the public page then links.
 */
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, inspectorLinks, projects } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { newInspectorToken } from '@/lib/inspect/token';
import type { Role } from '@/lib/rbac/permissions';
import { actAs } from '@/tests/support/auth-mock';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { makePdf } from '@/tests/support/photo-fixtures';
import { postUpload } from '@/tests/support/storage';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { setPublicSwpppAction } = await import('./set-public-swppp');
const { requestDocumentUploadAction } = await import('@/app/(app)/documents/actions/request-document-upload');
const { confirmDocumentUploadAction } = await import('@/app/(app)/documents/actions/confirm-document-upload');
const { openPublicSite } = await import('@/lib/inspect/open-site');
const { GET: getPublicFile } = await import('@/app/inspect-file/[seal]/route');

/** The public page's sealed address (/inspect-file/<seal>), fetched through its route. */
const fetchPublic = (path: string) => {
  const seal = path.replace(/^\/inspect-file\//, '');
  return getPublicFile(new Request(`http://site.test${path}`), { params: Promise.resolve({ seal }) });
};

let a: TenantGraph;
let b: TenantGraph;
let token = '';
const as = (role: Role, t: TenantGraph = a) => actAs({ userId: t.userId, orgId: t.orgId, role });
const inA = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant({ orgId: a.orgId, userId: a.userId }, fn);

async function uploadSwppp(t: TenantGraph, body: Uint8Array): Promise<string> {
  as('owner', t);
  const res = await requestDocumentUploadAction(null, { projectId: t.keys.projects, kind: 'swppp', title: 'Site SWPPP', fileName: 'SWPPP.pdf', contentType: 'application/pdf', sizeBytes: body.length });
  if (!res.ok) throw new Error(JSON.stringify(res));
  const ticket = res.data as { id: string; upload: { url: string; fields: Record<string, string> } };
  await postUpload(ticket.upload, body);
  const confirmed = await confirmDocumentUploadAction(null, { id: ticket.id });
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
  return ticket.id;
}

const pointer = async () =>
  (await inA((tx) => tx.select({ id: projects.publicSwpppDocumentId }).from(projects).where(and(eq(projects.organizationId, a.orgId), eq(projects.id, a.keys.projects)))))[0]!.id;

const projectAudits = () =>
  inA((tx) =>
    tx
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.orgId), eq(auditLog.entityType, 'project'), eq(auditLog.entityId, a.keys.projects)))
      .orderBy(asc(auditLog.createdAt)),
  );

/** What the public page would link: the object key inside the presigned URL, or undefined. */
async function publicSwppp() {
  const opened = await openPublicSite(token);
  if (!opened.ok) throw new Error('link did not open');
  return opened.site.swppp;
}

beforeAll(async () => {
  a = await seedTenant('swppp_a');
  b = await seedTenant('swppp_b');
  const t = newInspectorToken();
  token = t.token;
  await inA((tx) => tx.insert(inspectorLinks).values({ organizationId: a.orgId, projectId: a.keys.projects, tokenHash: t.tokenHash, createdBy: a.userId }));
});

describe('setPublicSwpppAction', () => {
  it('with no SWPPP uploaded: a clear refusal and nothing written', async () => {
    as('owner');
    const before = (await projectAudits()).length;
    expect(await setPublicSwpppAction(null, { projectId: a.keys.projects, show: 'show' })).toEqual({
      ok: false,
      formError: expect.stringMatching(/Upload the SWPPP/),
    });
    expect(await pointer()).toBeNull();
    expect(await projectAudits()).toHaveLength(before);
    expect(await publicSwppp()).toBeUndefined();
  });

  it('a new SWPPP version is not published by itself', async () => {
    await uploadSwppp(a, makePdf('v1'));
    expect(await pointer()).toBeNull();
    expect(await publicSwppp()).toBeUndefined();
  });

  it.each(['inspector', 'crew', 'viewer'] as const)('%s may not publish it', async (role) => {
    as(role);
    expect(await setPublicSwpppAction(null, { projectId: a.keys.projects, show: 'show' })).toEqual({
      ok: false,
      formError: 'You do not have permission to do that.',
    });
    expect(await pointer()).toBeNull();
  });

  it('another org’s project id is not found', async () => {
    as('owner', b);
    expect(await setPublicSwpppAction(null, { projectId: a.keys.projects, show: 'show' })).toEqual({ ok: false, formError: 'Not found.' });
    expect(await pointer()).toBeNull();
  });

  it('a superintendent publishes the current version (audited); the page links it as an attachment', async () => {
    as('superintendent');
    const res = await setPublicSwpppAction(null, { projectId: a.keys.projects, show: 'show' });
    expect(res).toMatchObject({ ok: true, data: { shown: true } });
    const v1 = await pointer();
    expect(v1).not.toBeNull();
    expect((await projectAudits()).at(-1)).toMatchObject({ before: { publicSwpppDocumentId: null }, after: { publicSwpppDocumentId: v1 } });
    const linked = await publicSwppp();
    const file = await fetchPublic(linked!.url);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="SWPPP.pdf"/);
    expect(await file.text()).toContain('v1');
  });

  it('a newer version replaces it on the page (audited); the older one is never linked again', async () => {
    const v1 = await pointer();
    const v2 = await uploadSwppp(a, makePdf('v2'));
    expect(await pointer()).toBe(v2);
    expect((await projectAudits()).at(-1)).toMatchObject({
      before: { publicSwpppDocumentId: v1 },
      after: { publicSwpppDocumentId: v2, reason: 'newer SWPPP version stored' },
    });
    const linked = await publicSwppp();
    expect(linked?.version).toBe(2);
    expect(await (await fetchPublic(linked!.url)).text()).toContain('v2');
  });

  it('hiding it takes the link off the page (audited)', async () => {
    as('admin');
    expect(await setPublicSwpppAction(null, { projectId: a.keys.projects, show: 'hide' })).toMatchObject({ ok: true, data: { shown: false } });
    expect(await pointer()).toBeNull();
    expect((await projectAudits()).at(-1)?.after).toMatchObject({ publicSwpppDocumentId: null });
    expect(await publicSwppp()).toBeUndefined();
  });

  it('refuses a value other than show/hide with a field error', async () => {
    as('owner');
    const res = await setPublicSwpppAction(null, { projectId: a.keys.projects, show: 'yes' });
    expect(res).toMatchObject({ ok: false, fieldErrors: { show: [expect.any(String)] } });
  });
});
