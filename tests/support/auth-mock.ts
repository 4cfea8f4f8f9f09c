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
import { secondFactorFresh } from '@/lib/auth/step-up-claims';
import type { AuthFields } from '@/lib/auth/tenant-context';
import type { Role } from '@/lib/rbac/permissions';

export const authState: { current: AuthFields } = { current: { userId: null } };

/**
 * The step-up claims every mocked session carries unless a test says otherwise
 * (`stepUp: 'none' | 'stale'`): a second factor verified just now, so sensitive
 * actions are reachable by the proof suites; step-up tests take it away.
 */
function stepUpFields(stepUp: 'fresh' | 'none' | 'stale' = 'fresh'): Pick<AuthFields, 'sessionClaims' | 'has'> {
  const iat = Math.floor(Date.now() / 1000);
  const fva = stepUp === 'fresh' ? [0, 0] : stepUp === 'none' ? [0, -1] : [30, 30];
  const sessionClaims = { iat, fva };
  // Clerk's own check on the same claims (strict_mfa: both factors within 10 minutes).
  return { sessionClaims, has: () => secondFactorFresh(sessionClaims, new Date()) };
}

/** Per-request identity for concurrent tests (the soak): `asUser(fields, () => call())`. */
export const authStorage = new AsyncLocalStorage<AuthFields>();

export async function auth(): Promise<AuthFields> {
  return authStorage.getStore() ?? authState.current;
}

export function asUser<T>(who: { userId: string; orgId: string; role: Role }, fn: () => Promise<T>): Promise<T> {
  return authStorage.run({ userId: who.userId, orgId: who.orgId, orgSlug: null, orgRole: `org:${who.role}`, ...stepUpFields() }, fn);
}

export function actAs(
  who: { userId: string; orgId: string; orgSlug?: string; role: Role; stepUp?: 'fresh' | 'none' | 'stale' } | null,
) {
  authState.current = who
    ? { userId: who.userId, orgId: who.orgId, orgSlug: who.orgSlug ?? null, orgRole: `org:${who.role}`, ...stepUpFields(who.stepUp) }
    : { userId: null };
}
