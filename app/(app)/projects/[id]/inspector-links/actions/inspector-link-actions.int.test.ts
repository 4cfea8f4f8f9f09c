/**
 * Inspector link actions against the real database as brave_app: who may
 * manage links, what is stored (a hash, never the token), what is audited,
 * and that the public page follows revocation and expiry.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectorLinks, memberships, projects } from '@/db/schema';
import { ROLES } from '@/lib/rbac/permissions';
import { hashToken } from '@/lib/inspect/token';
import { actAs } from '@/tests/support/auth-mock';
import { acme, auditRowsFor, bolt, form, inOrg, REQUEST_HEADERS, seedOrgs } from '../../../_test/support';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ ...REQUEST_HEADERS, host: 'brave.test' }) }));

const { createInspectorLinkAction } = await import('./create-inspector-link');
const { revokeInspectorLinkAction } = await import('./revoke-inspector-link');
const { setInspectorLinkExpiryAction } = await import('./set-inspector-link-expiry');
const { updateSiteNoticeAction } = await import('./update-site-notice');
const { GET } = await import('@/app/inspect/[token]/route');

const as = (
  role: 'owner' | 'admin' | 'superintendent' | 'inspector' | 'crew' | 'viewer',
  org: typeof acme | typeof bolt = acme,
) => actAs({ userId: `user_${org.slug}_${role}`, orgId: org.id, orgSlug: org.slug, role });
const FORBIDDEN = { ok: false, formError: 'You do not have permission to do that.' };
const NOT_FOUND = { ok: false, formError: 'Not found.' };

/** Audit actions oldest first. */
const actions = (rows: { action: string; createdAt: Date }[]) =>
  [...rows].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime()).map((r) => r.action);

const visit = (token: string) =>
  GET(new Request(`http://brave.test/inspect/${token}`), { params: Promise.resolve({ token }) });

let projectA = '';
let projectB = '';
beforeAll(async () => {
  await seedOrgs();
  // Writes check the membership row (lib/members/current-membership.ts): each role's actor is a member.
  for (const org of [acme, bolt]) {
    await inOrg(org, (tx) =>
      tx.insert(memberships).values(ROLES.map((role) => ({ organizationId: org.id, userId: `user_${org.slug}_${role}`, role }))).onConflictDoNothing(),
    );
  }
  const first = (org: typeof acme | typeof bolt) =>
    inOrg(org, (tx) =>
      tx.select({ id: projects.id }).from(projects).where(eq(projects.organizationId, org.id)).limit(1),
    ).then((r) => r[0]!.id);
  projectA = await first(acme);
  projectB = await first(bolt);
});
beforeEach(() => actAs(null));

async function created(role: 'owner' | 'admin' | 'superintendent' = 'owner', fields: Record<string, string> = {}) {
  as(role);
  const res = await createInspectorLinkAction(null, form({ projectId: projectA, label: 'Main gate', ...fields }));
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data;
}

describe('createInspectorLinkAction', () => {
  it.each(['owner', 'admin', 'superintendent'] as const)(
    '%s creates a link: a 43-char token shown once, only its SHA-256 stored, audited without it',
    async (role) => {
      const data = await created(role);
      expect(data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(data.url).toBe(`https://brave.test/inspect/${data.token}`); // not localhost: https
      expect(data.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      const [row] = await inOrg(acme, (tx) =>
        tx
          .select()
          .from(inspectorLinks)
          .where(and(eq(inspectorLinks.organizationId, acme.id), eq(inspectorLinks.id, data.id))),
      );
      expect(row!.tokenHash).toBe(hashToken(data.token));
      expect(JSON.stringify(row)).not.toContain(data.token);
      const audit = await auditRowsFor(acme, data.id);
      expect(audit.map((r) => [r.action, r.entityType, r.actorUserId])).toEqual([
        ['create', 'inspector_link', `user_acme_${role}`],
      ]);
      expect(JSON.stringify(audit)).not.toContain(row!.tokenHash);
      expect(JSON.stringify(audit)).not.toContain(data.token);
      expect((await visit(data.token)).status).toBe(200);
    },
  );

  it.each(['inspector', 'crew', 'viewer'] as const)('%s is refused and nothing is written', async (role) => {
    as(role);
    expect(await createInspectorLinkAction(null, form({ projectId: projectA }))).toEqual(FORBIDDEN);
  });

  it('another org’s project is a plain not found', async () => {
    as('owner');
    expect(await createInspectorLinkAction(null, form({ projectId: projectB }))).toEqual(NOT_FOUND);
  });

  it('an expiry in the past or a bad date is a form error', async () => {
    as('owner');
    const past = await createInspectorLinkAction(null, form({ projectId: projectA, expiresOn: '2020-01-01' }));
    expect(past).toEqual({ ok: false, formError: 'The expiry date must be today or later.' });
    const bad = await createInspectorLinkAction(null, form({ projectId: projectA, expiresOn: 'soon' }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.fieldErrors?.expiresOn).toBeTruthy();
  });
});

describe('revoke and expiry', () => {
  it('revoking turns the page into the wrong-token 404 at once, audited; revoking again changes nothing', async () => {
    const data = await created();
    as('superintendent');
    expect(await revokeInspectorLinkAction(null, form({ id: data.id }))).toEqual({ ok: true, data: { id: data.id } });
    const res = await visit(data.token);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(await (await visit('Z'.repeat(43))).text());
    await revokeInspectorLinkAction(null, form({ id: data.id }));
    expect(actions(await auditRowsFor(acme, data.id))).toEqual(['create', 'delete']);
    expect(await setInspectorLinkExpiryAction(null, form({ id: data.id, expiresOn: '2099-01-01' }))).toEqual({
      ok: false,
      formError: 'This link is revoked; create a new one instead.',
    });
  });

  it('an expiry at the end of a future day keeps the link live; clearing it is audited', async () => {
    const data = await created();
    const res = await setInspectorLinkExpiryAction(null, form({ id: data.id, expiresOn: '2099-03-01' }));
    expect(res.ok && res.data.expiresAt).toBe('2099-03-02T05:00:00.000Z'); // end of Mar 1 in America/Chicago (CST)
    expect((await visit(data.token)).status).toBe(200);
    await setInspectorLinkExpiryAction(null, form({ id: data.id, expiresOn: '' }));
    expect(actions(await auditRowsFor(acme, data.id))).toEqual(['create', 'update', 'update']);
  });

  it('another org’s link id is not found for revoke and expiry; a crew member is refused', async () => {
    const data = await created();
    as('owner', bolt);
    expect(await revokeInspectorLinkAction(null, form({ id: data.id }))).toEqual(NOT_FOUND);
    expect(await setInspectorLinkExpiryAction(null, form({ id: data.id, expiresOn: '' }))).toEqual(NOT_FOUND);
    as('crew');
    expect(await revokeInspectorLinkAction(null, form({ id: data.id }))).toEqual(FORBIDDEN);
    expect((await visit(data.token)).status).toBe(200);
  });
});

describe('updateSiteNoticeAction', () => {
  it('saves the Part 1.5 contact and SWPPP lines (audited) and the public page shows them', async () => {
    const data = await created();
    const res = await updateSiteNoticeAction(
      null,
      form({
        projectId: projectA,
        noticeContactName: 'Olivia Owens',
        noticeContactPhone: '(512) 555-0142',
        swpppLocation: 'Trailer at gate 1',
      }),
    );
    expect(res).toEqual({ ok: true, data: { id: projectA } });
    const body = await (await visit(data.token)).text();
    expect(body).toContain('Olivia Owens');
    expect(body).toContain('href="tel:5125550142"');
    expect(body).toContain('Trailer at gate 1');
    expect((await auditRowsFor(acme, projectA)).some((r) => r.action === 'update')).toBe(true);
  });

  it('rejects a phone with letters (javascript:) with a field error', async () => {
    as('owner');
    const res = await updateSiteNoticeAction(
      null,
      form({ projectId: projectA, noticeContactPhone: 'javascript:alert(1)' }),
    );
    expect(res.ok).toBe(false);
    expect(!res.ok && res.fieldErrors?.noticeContactPhone).toBeTruthy();
  });
});
