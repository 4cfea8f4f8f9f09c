import type { Permission } from '@/lib/rbac/permissions';

/**
 * Every limit in one table (docs/cache.md, "Rate limits"). Sliding windows of
 * one minute. `failMode` says what a limiter does when Upstash does not answer
 * within CACHE_TIMEOUT_MS:
 *   - 'open':  allow (logged once per interval). The tenant budgets: a Redis
 *     outage must not stop crews from recording inspections; PostgreSQL and
 *     the pool still bound the load.
 *   - 'local': decide with a per-server in-memory limiter of the same size.
 *     Sensitive per-user actions and the anonymous public page: an outage
 *     must not turn them into unlimited guessing.
 * No limiter fails closed (refuse all): that would make Redis a hard
 * dependency of every request.
 */
export type PlanTier = 'trial' | 'professional' | 'enterprise';
type FailMode = 'open' | 'local';

/** Our plan enum → the three tiers of the price list. */
export function tierOf(plan: string): PlanTier {
  if (plan === 'enterprise') return 'enterprise';
  if (plan === 'professional' || plan === 'starter' || plan === 'business') return 'professional';
  return 'trial';
}

export interface LimitPolicy {
  tokens: number;
  windowMs: number;
  failMode: FailMode;
}

const MINUTE = 60_000;

/** Per organization, by plan tier: every write (server action, non-GET route). */
export const ORG_WRITES: Record<PlanTier, LimitPolicy> = {
  trial: { tokens: 120, windowMs: MINUTE, failMode: 'open' },
  professional: { tokens: 600, windowMs: MINUTE, failMode: 'open' },
  enterprise: { tokens: 3_000, windowMs: MINUTE, failMode: 'open' },
};

/** Per organization, by plan tier: API reads (lists and exports are what a script hammers). */
export const ORG_READS: Record<PlanTier, LimitPolicy> = {
  trial: { tokens: 600, windowMs: MINUTE, failMode: 'open' },
  professional: { tokens: 3_000, windowMs: MINUTE, failMode: 'open' },
  enterprise: { tokens: 15_000, windowMs: MINUTE, failMode: 'open' },
};

/** Per user, on top of the org budget: endpoints whose abuse costs more than load. */
export const SENSITIVE_PERMISSIONS: readonly Permission[] = [
  'org:inspections:sign',
  'org:settings:manage',
  'org:members:manage',
  'org:export:run',
  'org:billing:manage',
  'org:organization:delete',
];
export const USER_SENSITIVE: LimitPolicy = { tokens: 20, windowMs: MINUTE, failMode: 'local' };

/** The public inspector page (app/inspect/[token]): per client IP and per QR token. */
export const PUBLIC_PER_IP: LimitPolicy = { tokens: 60, windowMs: MINUTE, failMode: 'local' };
export const PUBLIC_PER_TOKEN: LimitPolicy = { tokens: 120, windowMs: MINUTE, failMode: 'local' };
/** Its files (app/inspect-file/[seal]): a page shows a thumbnail per photo, so a page view may cost dozens. */
export const PUBLIC_FILES_PER_IP: LimitPolicy = { tokens: 600, windowMs: MINUTE, failMode: 'local' };

/** Denials of one identifier within one window before it is recorded as a RATE_LIMITED security event. */
export const REPEAT_THRESHOLD = 3;
