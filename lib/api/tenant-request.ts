import 'server-only';
import { withTenant, withTenantRead, type Tx } from '@/db/tenant';
import { assertActive, cachedOrganization, loadOrganization, type OrganizationFacts } from '@/lib/auth/organization-status';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { tenantCache } from '@/lib/cache';
import { recomputeTouchedObligations } from '@/lib/compliance/recompute-obligations';
import { assertCurrentMember } from '@/lib/members/current-membership';
import { countRequest } from '@/lib/usage/request-counter';
import { enforceTenantLimits, type RequestUse } from '@/lib/ratelimit/tenant-limits';

/**
 * The common middle of tenantAction and tenantRoute: the organization must be
 * active (cached facts, else read in the request's own transaction), the
 * request must fit the org's (and for sensitive permissions the user's) rate
 * limit, then `fn` runs in withTenant — for a write only while the user is
 * still a member whose current role grants the permission
 * (lib/members/current-membership.ts). With the facts cached, the limit is
 * checked before a database connection is taken.
 *
 * A write invalidates the tenant's cache afterwards (one INCR; also when it
 * failed — a lost COMMIT reply may still have committed). Coarse on purpose:
 * a write can't forget a key it changed, and a value filled while the write
 * was committing lands under the old generation, where no one reads it.
 *
 * Before COMMIT, the obligations of every project the write touched are
 * recomputed in the same transaction (lib/compliance/recompute-obligations.ts):
 * a committed inspection, rain event or project change never leaves its
 * deadlines stale, and a rolled-back one leaves them as they were.
 */
export async function withTenantRequest<T>(ctx: TenantContext, use: RequestUse, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const known = await cachedOrganization(ctx);
  if (known) await enforceTenantLimits(ctx, assertActive(known).plan, use);
  return inTenant(ctx, use, known, fn);
}

/** The transaction of withTenantRequest; `known`: the org's cached facts, already checked (limits included). */
async function inTenant<T>(ctx: TenantContext, use: RequestUse, known: OrganizationFacts | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let ran = false;
  // A read (an API GET) runs READ ONLY and is answered without waiting for COMMIT (db/tenant.ts);
  // one that records its own audit entry needs a transaction that may write, and waits for COMMIT.
  const door = use.write || use.audited ? withTenant : withTenantRead;
  try {
    return await door(ctx, async (tx) => {
      if (!known) await enforceTenantLimits(ctx, assertActive(await loadOrganization(tx, ctx)).plan, use);
      // A write needs the membership row as it is now, not as the token remembers it.
      if (use.write) await assertCurrentMember(tx, ctx, use.permission);
      ran = true;
      countRequest(ctx, { api: use.endpoint.includes(' /api/') });
      const result = await fn(tx);
      await recomputeTouchedObligations(tx, ctx.orgId);
      return result;
    });
  } finally {
    if (ran && use.write) await tenantCache(ctx).invalidate();
  }
}

const NOT_CACHEABLE = Symbol('not cacheable');

/**
 * A read whose JSON answer may come from the tenant's cache under `key`
 * (lib/cache: `t:{orgId}:g{gen}:{key}`, dropped by any write of the tenant).
 * A hit costs what every request pays — the org's cached facts, the rate
 * limit, the usage count — and no transaction. Without cached org facts the
 * request takes the uncached path (which caches them). A handler that answers
 * with a Response (a 400, say) is passed through, never stored.
 */
export async function withCachedTenantRead(
  ctx: TenantContext,
  use: RequestUse,
  cache: { key: string; ttlSeconds: number },
  fn: (tx: Tx) => Promise<unknown>,
): Promise<string | Response> {
  if (use.write) throw new Error('withCachedTenantRead is for reads');
  const known = await cachedOrganization(ctx);
  if (!known) {
    const result = await inTenant(ctx, use, undefined, fn);
    return result instanceof Response ? result : JSON.stringify(result ?? null);
  }
  await enforceTenantLimits(ctx, assertActive(known).plan, use);
  let filled = false;
  let passed: Response | undefined;
  const body = await tenantCache(ctx)
    .getOrSet(cache.key, cache.ttlSeconds, async () => {
      filled = true;
      const result = await inTenant(ctx, use, known, fn);
      if (result instanceof Response) {
        passed = result;
        throw NOT_CACHEABLE;
      }
      return JSON.stringify(result ?? null);
    })
    .catch((error: unknown) => {
      if (error === NOT_CACHEABLE) return '';
      throw error;
    });
  if (passed) return passed;
  if (!filled) countRequest(ctx, { api: use.endpoint.includes(' /api/') });
  return body;
}
