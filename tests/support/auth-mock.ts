/**
 * Stand-in for `@clerk/nextjs/server` in integration tests of actions and
 * routes: `auth()` returns what Clerk would have parsed from a session token
 * (the middleware tests cover the parsing itself against the real middleware).
 *
 *   vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
 *   vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
 *   actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' });
 */
import type { AuthFields } from '@/lib/auth/tenant-context';
import type { Role } from '@/lib/rbac/permissions';

export const authState: { current: AuthFields } = { current: { userId: null } };

export async function auth(): Promise<AuthFields> {
  return authState.current;
}

export function actAs(who: { userId: string; orgId: string; orgSlug?: string; role: Role } | null) {
  authState.current = who
    ? { userId: who.userId, orgId: who.orgId, orgSlug: who.orgSlug ?? null, orgRole: `org:${who.role}` }
    : { userId: null };
}
