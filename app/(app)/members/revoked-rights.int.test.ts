/**
 * A member removed or demoted loses the right at once: their session token
 * (still valid for up to a minute, here the mocked auth() that still says
 * "superintendent") can't write, because every write checks the membership
 * row (lib/members/current-membership.ts) — cached, and the cache is
 * invalidated by the change. The negative control without the check is
 * revoked-rights-control.int.test.ts.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_HEADERS } from '@/app/(app)/projects/_test/support';
import { actAs } from '@/tests/support/auth-mock';
import { DEMOTED_MESSAGE, REMOVED_MESSAGE } from '@/lib/members/current-membership';
import { acme, as, membershipOf, projectForm, projectNamed, seedOrgs } from './_test/world';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { createProjectAction } = await import('@/app/(app)/projects/actions/create-project');
const { removeMemberAction } = await import('./actions/remove-member');
const { changeMemberRoleAction } = await import('./actions/change-member-role');

beforeAll(seedOrgs);

const carlosAs = (role: 'superintendent' | 'crew') => actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role });

describe('revoked rights take effect at the next write', () => {
  it('a removed member’s still-valid token cannot write', async () => {
    as.superintendent();
    // A write first: the membership is now cached as "superintendent".
    expect((await createProjectAction(null, projectForm('Before removal'))).ok).toBe(true);

    const sam = await membershipOf('user_acme_super');
    as.owner();
    expect(await removeMemberAction(null, { membershipId: sam!.id })).toEqual({ ok: true, data: { removed: true } });
    expect(await membershipOf('user_acme_super')).toBeUndefined();

    as.superintendent(); // the same token claims as before
    expect(await createProjectAction(null, projectForm('After removal'))).toEqual({ ok: false, formError: REMOVED_MESSAGE });
    expect(await projectNamed('After removal')).toBeUndefined();
  });

  it('a demoted member loses the permission the old role had', async () => {
    as.owner();
    const carlos = await membershipOf('user_acme_crew');
    // Promote first, write as superintendent, then demote back to crew.
    expect((await changeMemberRoleAction(null, { membershipId: carlos!.id, role: 'superintendent' })).ok).toBe(true);
    // His next token claims superintendent; the write is cached as allowed.
    carlosAs('superintendent');
    expect((await createProjectAction(null, projectForm('While promoted'))).ok).toBe(true);

    as.owner();
    expect((await changeMemberRoleAction(null, { membershipId: carlos!.id, role: 'crew' })).ok).toBe(true);
    carlosAs('superintendent'); // the old token still says superintendent
    expect(await createProjectAction(null, projectForm('After demotion'))).toEqual({ ok: false, formError: DEMOTED_MESSAGE });
    expect(await projectNamed('After demotion')).toBeUndefined();
  });

  it('an owner can’t remove themself, and an admin can’t remove an owner', async () => {
    as.owner();
    const olivia = await membershipOf('user_acme_owner');
    expect(await removeMemberAction(null, { membershipId: olivia!.id })).toMatchObject({ ok: false, formError: expect.stringMatching(/your own/) });
    as.admin();
    expect(await removeMemberAction(null, { membershipId: olivia!.id })).toMatchObject({ ok: false, formError: expect.stringMatching(/Only an owner/) });
    expect(await membershipOf('user_acme_owner')).toMatchObject({ role: 'owner' });
  });
});
