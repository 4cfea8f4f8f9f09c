/**
 * Members in local mode: invitations (hashed token, once, expiring, revocable,
 * audited), the user limit, and the plan's project and storage limits.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_HEADERS } from '@/app/(app)/projects/_test/support';
import { auditLog, documents, invitations, organizations } from '@/db/schema';
import { acceptInvitation, INVALID_INVITATION } from '@/lib/members/accept-invitation';
import { parseInvitationToken } from '@/lib/members/invite-token';
import { rowFactories } from '@/tests/support/factories';
import { acme, as, inOrg, membershipOf, projectForm, seedOrgs } from './_test/world';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { inviteMemberAction } = await import('./actions/invite-member');
const { revokeInvitationAction } = await import('./actions/revoke-invitation');
const { createProjectAction } = await import('@/app/(app)/projects/actions/create-project');
const { requestDocumentUploadAction } = await import('@/app/(app)/documents/actions/request-document-upload');

beforeAll(seedOrgs);

async function invite(email: string, role = 'crew') {
  as.owner();
  const r = await inviteMemberAction(null, { email, role });
  if (!r.ok) throw new Error(`invite failed: ${r.formError}`);
  return r.data;
}
const tokenOf = (path: string) => path.replace('/invite/', '');
const newcomer = (first = 'Nina') => ({ userId: `user_local_${randomUUID().replaceAll('-', '')}`, isNew: true, firstName: first, lastName: 'Newman' });
const setUserLimit = (n: number) => inOrg(acme, (tx) => tx.update(organizations).set({ userLimit: n }).where(eq(organizations.organizationId, acme.id)));

describe('invitations', () => {
  it('stores only the hash of the link’s secret, and audits without it', async () => {
    const { id, path } = await invite('nina@example.test');
    const row = await inOrg(acme, (tx) => tx.select().from(invitations).where(and(eq(invitations.organizationId, acme.id), eq(invitations.id, id))).then((r) => r[0]!));
    expect(row.tokenHash).toBe(parseInvitationToken(tokenOf(path))!.tokenHash);
    expect(path).not.toContain(row.tokenHash);
    const audit = await inOrg(acme, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.organizationId, acme.id), eq(auditLog.entityId, id))));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
  });

  it('a new user accepts once and becomes a member with the invited role; a second use is refused', async () => {
    const { path } = await invite('nora@example.test', 'inspector');
    const who = newcomer('Nora');
    await acceptInvitation(tokenOf(path), who);
    expect(await membershipOf(who.userId)).toMatchObject({ role: 'inspector' });
    await expect(acceptInvitation(tokenOf(path), newcomer())).rejects.toThrow(INVALID_INVITATION);
  });

  it('a revoked, an expired, a tampered and another org’s link are refused alike', async () => {
    const revoked = await invite('rev@example.test');
    as.owner();
    expect((await revokeInvitationAction(null, { invitationId: revoked.id })).ok).toBe(true);
    await expect(acceptInvitation(tokenOf(revoked.path), newcomer())).rejects.toThrow(INVALID_INVITATION);

    const expiring = await invite('exp@example.test');
    const later = new Date(Date.now() + 8 * 86_400_000);
    await expect(acceptInvitation(tokenOf(expiring.path), newcomer(), later)).rejects.toThrow(INVALID_INVITATION);

    const t = tokenOf(expiring.path);
    await expect(acceptInvitation(`${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`, newcomer())).rejects.toThrow(INVALID_INVITATION);
    // The right secret under another org's id: looked up in that org, found nowhere.
    await expect(acceptInvitation(t.replace(acme.id, 'org_2bolt0000000000000000000'), newcomer())).rejects.toThrow(INVALID_INVITATION);
  });

  it('an admin can’t invite an owner', async () => {
    as.admin();
    expect(await inviteMemberAction(null, { email: 'boss@example.test', role: 'owner' })).toMatchObject({ ok: false, formError: 'Only an owner can invite an owner.' });
  });

  it('inviting past the plan’s user limit is refused with a clear message, and nothing is written', async () => {
    const before = await inOrg(acme, (tx) => tx.select().from(invitations).where(eq(invitations.organizationId, acme.id)));
    // Exactly full: members + open invitations = the limit.
    const { seatsTaken } = await import('@/db/queries/members');
    const seats = await inOrg(acme, (tx) => seatsTaken(tx, acme.id, new Date()));
    await setUserLimit(seats.members + seats.invited);
    as.owner();
    const r = await inviteMemberAction(null, { email: 'one-too-many@example.test', role: 'crew' });
    expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(/Trial plan allows \d+ users.*Remove a member or revoke an invitation/) });
    const after = await inOrg(acme, (tx) => tx.select().from(invitations).where(eq(invitations.organizationId, acme.id)));
    expect(after).toHaveLength(before.length);
    // One seat more: the same invitation goes through (the refusal was the limit, not the input).
    await setUserLimit(seats.members + seats.invited + 1);
    expect((await inviteMemberAction(null, { email: 'one-too-many@example.test', role: 'crew' })).ok).toBe(true);
  });
});

describe('plan limits on projects and storage', () => {
  it('creating a project past the trial’s 25 is refused; below it succeeds', async () => {
    const { countProjects } = await import('@/db/queries/projects');
    const n = await inOrg(acme, (tx) => countProjects(tx, acme.id));
    await inOrg(acme, async (tx) => {
      for (let i = n; i < 24; i++) await rowFactories.projects(tx, acme.id, {});
    });
    as.superintendent();
    expect((await createProjectAction(null, projectForm('Number 25'))).ok).toBe(true);
    expect(await createProjectAction(null, projectForm('Number 26'))).toMatchObject({ ok: false, formError: expect.stringMatching(/allows 25 projects/) });
  });

  it('an upload past the storage limit is refused before anything is presigned or written', async () => {
    const projectId = await inOrg(acme, (tx) => rowFactories.projects(tx, acme.id, {}));
    await inOrg(acme, (tx) =>
      tx.insert(documents).values({
        organizationId: acme.id,
        projectId,
        kind: 'other',
        title: 'Huge archive',
        storageKey: `tenants/${acme.id}/documents/${randomUUID()}/huge.pdf`,
        fileName: 'huge.pdf',
        contentType: 'application/pdf',
        sizeBytes: 5 * 1024 ** 3,
        status: 'stored',
        uploadedBy: 'test',
      }),
    );
    as.superintendent();
    const r = await requestDocumentUploadAction(null, { projectId, kind: 'swppp', title: 'SWPPP', fileName: 'swppp.pdf', contentType: 'application/pdf', sizeBytes: 2048 });
    expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(/includes 5\.00 GiB of file storage/) });
  });
});
