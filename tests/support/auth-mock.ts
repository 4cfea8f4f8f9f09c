/**
 * Stand-in for `@clerk/nextjs/server` in integration tests of actions and
 * routes: `auth()` returns what Clerk would have parsed from a session token
 * (the middleware tests cover the parsing itself against the real middleware).
 *
 *   vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
 *   vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
 *   actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' });
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthFields } from '@/lib/auth/tenant-context';
import type { Role } from '@/lib/rbac/permissions';

export const authState: { current: AuthFields } = { current: { userId: null } };

/** Per-request identity for concurrent tests (the soak): `asUser(fields, () => call())`. */
export const authStorage = new AsyncLocalStorage<AuthFields>();

export async function auth(): Promise<AuthFields> {
  return authStorage.getStore() ?? authState.current;
}

export function asUser<T>(who: { userId: string; orgId: string; role: Role }, fn: () => Promise<T>): Promise<T> {
  return authStorage.run({ userId: who.userId, orgId: who.orgId, orgSlug: null, orgRole: `org:${who.role}` }, fn);
}

export function actAs(who: { userId: string; orgId: string; orgSlug?: string; role: Role } | null) {
  authState.current = who
    ? { userId: who.userId, orgId: who.orgId, orgSlug: who.orgSlug ?? null, orgRole: `org:${who.role}` }
    : { userId: null };
}
