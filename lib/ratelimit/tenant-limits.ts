import 'server-only';
import { PublicError } from '@/lib/api/errors';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { env } from '@/lib/env';
import { recordSecurityEvent } from '@/lib/security/record-miss';
import { createLimiter } from './limiter';
import { ORG_READS, ORG_WRITES, REPEAT_THRESHOLD, SENSITIVE_PERMISSIONS, tierOf, USER_SENSITIVE, type PlanTier } from './policies';
import { repeatDetector } from './repeats';
import { retryAfterSeconds, type Limiter, type RateDecision } from './types';
import type { Permission } from '@/lib/rbac/permissions';

/** What a request spends: a write or an API read, and the permission it needs. */
export interface RequestUse {
  write: boolean;
  /** A read that records an audit entry (a download): its transaction may write (lib/api/tenant-request.ts). */
  audited?: boolean;
  permission: Permission;
  /** For the security event: the action's or route's name. */
  endpoint: string;
}

const globals = globalThis as unknown as { __braveLimiters?: Map<string, Limiter>; __braveRepeats?: (id: string) => boolean };

function limiter(name: string, make: () => Limiter): Limiter {
  const all = (globals.__braveLimiters ??= new Map());
  let l = all.get(name);
  if (!l) all.set(name, (l = make()));
  return l;
}

const repeated = (id: string) => (globals.__braveRepeats ??= repeatDetector(REPEAT_THRESHOLD, 60_000))(id);

/**
 * The org's budget for its plan tier, then (sensitive permissions) the user's.
 * Throws PublicError.rateLimited (429 + Retry-After / a form message). The
 * third denial of one identifier within a minute is recorded as a
 * RATE_LIMITED security event (once; a single 429 is not an incident).
 */
export async function enforceTenantLimits(ctx: TenantContext, plan: string, use: RequestUse): Promise<void> {
  if (env.RATE_LIMITS === 'off') return;
  const tier = tierOf(plan);
  const kind = use.write ? 'write' : 'read';
  const org = orgLimiter(kind, tier);
  await check(ctx, org, `org:${ctx.orgId}`, use, { scope: 'organization', tier, kind });
  if (SENSITIVE_PERMISSIONS.includes(use.permission)) {
    const user = userLimiter();
    await check(ctx, user, `user:${ctx.orgId}:${ctx.userId}`, use, { scope: 'user', permission: use.permission });
  }
}

const orgLimiter = (kind: 'write' | 'read', tier: PlanTier) =>
  limiter(`org-${kind}-${tier}`, () => createLimiter(`org-${kind}-${tier}`, (kind === 'write' ? ORG_WRITES : ORG_READS)[tier]));
const userLimiter = () => limiter('user-sensitive', () => createLimiter('user-sensitive', USER_SENSITIVE));

/**
 * Every rate-limit key of an organization being deleted (docs/deletion.md): its budgets on
 * every tier and its members' per-user budgets, in Upstash and in this process.
 */
export async function purgeTenantLimits(orgId: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(orgId)) throw new Error('purgeTenantLimits: not an org id');
  for (const tier of ['trial', 'professional', 'enterprise'] as const) {
    for (const kind of ['write', 'read'] as const) await orgLimiter(kind, tier).purge(`org:${orgId}`);
  }
  await userLimiter().purge(`user:${orgId}`);
}

async function check(ctx: TenantContext, l: Limiter, id: string, use: RequestUse, details: Record<string, unknown>) {
  const d: RateDecision = await l.limit(id);
  if (d.success) return;
  if (repeated(`${l.name}:${id}`)) {
    await recordSecurityEvent(ctx, 'RATE_LIMITED', { limiter: l.name, endpoint: use.endpoint, limit: d.limit, ...details });
  }
  throw PublicError.rateLimited(retryAfterSeconds(d));
}
