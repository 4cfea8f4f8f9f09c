/**
 * Negative control of revoked-rights.int.test.ts: the same scenario with the
 * membership check taken out of the request path (the module mocked to a
 * no-op). The removed member's still-valid token then writes — which is what
 * the check exists to stop, and what the main test would catch.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_HEADERS } from '@/app/(app)/projects/_test/support';
import { as, membershipOf, projectForm, projectNamed, seedOrgs } from './_test/world';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));
vi.mock('@/lib/members/current-membership', async (original) => ({
  ...(await original<typeof import('@/lib/members/current-membership')>()),
  assertCurrentMember: async () => {},
}));

const { createProjectAction } = await import('@/app/(app)/projects/actions/create-project');
const { removeMemberAction } = await import('./actions/remove-member');

beforeAll(seedOrgs);

describe('negative control: without the membership check', () => {
  it('a removed member’s still-valid token writes', async () => {
    const sam = await membershipOf('user_acme_super');
    as.owner();
    expect((await removeMemberAction(null, { membershipId: sam!.id })).ok).toBe(true);
    as.superintendent();
    expect((await createProjectAction(null, projectForm('Written after removal'))).ok).toBe(true);
    expect(await projectNamed('Written after removal')).toBeDefined();
  });
});
