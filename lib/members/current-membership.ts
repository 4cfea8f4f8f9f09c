import 'server-only';
import { getMembership } from '@/db/queries/memberships';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { tenantCache } from '@/lib/cache';
import { can, type Permission, type Role } from '@/lib/rbac/permissions';

/**
 * The session token says who the user was when it was minted (up to a
 * minute ago); the membership row says who they are now. Every write checks
 * the row, so a member removed or demoted loses the right at the next
 * request (docs/members.md). Cached per user under the tenant's generation:
 * every write of the tenant, and every applied Clerk webhook, bumps the
 * generation, so a role change is never served from the cache. The TTL only
 * bounds a lost invalidation (Redis outage).
 */
const TTL_SECONDS = 60;

export const REMOVED_MESSAGE = 'You are no longer a member of this organization.';
export const DEMOTED_MESSAGE = 'Your role in this organization has changed: you no longer have permission to do that.';

interface CachedMembership {
  role: Role | null;
}

async function currentRole(tx: Tx, ctx: TenantContext): Promise<Role | null> {
  const cache = tenantCache(ctx);
  const key = `member:${ctx.userId}`;
  const hit = await cache.get<CachedMembership>(key);
  if (hit) return hit.role;
  const row = await getMembership(tx, ctx.orgId, ctx.userId);
  const role = row?.role ?? null;
  await cache.set(key, { role } satisfies CachedMembership, TTL_SECONDS);
  return role;
}

/** Throws 403 unless the user is still a member whose current role grants `permission`. */
export async function assertCurrentMember(tx: Tx, ctx: TenantContext, permission: Permission): Promise<void> {
  const role = await currentRole(tx, ctx);
  if (!role) throw PublicError.forbidden(REMOVED_MESSAGE);
  if (!can(role, permission)) throw PublicError.forbidden(DEMOTED_MESSAGE);
}
