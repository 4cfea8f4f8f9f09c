import { parseRole, permissionsOf, type Permission, type Role } from '@/lib/rbac/permissions';

/** Who is acting, in which organization, with what rights. Built from `auth()` only. */
export interface TenantContext {
  orgId: string;
  orgSlug: string | null;
  userId: string;
  role: Role;
  permissions: readonly Permission[];
}

/**
 * The fields of Clerk's auth object we read. Clerk has already mapped both
 * token shapes onto them: v2 (`o.id`, `o.slg`, `o.rol`) and v1 (`org_id`,
 * `org_slug`, `org_role`).
 */
export interface AuthFields {
  userId: string | null;
  orgId?: string | null | undefined;
  orgSlug?: string | null | undefined;
  orgRole?: string | null | undefined;
  /** The verified session token's claims (lib/auth/step-up-claims.ts reads `fva` and `iat`). */
  sessionClaims?: unknown;
  /** Clerk's authorization check (lib/auth/step-up.ts asks it about reverification). */
  has?: (params: { reverification: 'strict_mfa' }) => boolean;
}

export type TenantRefusal = 'signed_out' | 'no_organization' | 'unknown_role';

export type TenantResolution = { ok: true; ctx: TenantContext } | { ok: false; reason: TenantRefusal; userId: string | null };

/**
 * A signed-in user with an active organization and a role from our table.
 * Personal accounts (no org) and roles we don't know are refused. Permissions
 * come from lib/rbac (the one table), not from the token.
 */
export function resolveTenant(auth: AuthFields): TenantResolution {
  if (!auth.userId) return { ok: false, reason: 'signed_out', userId: null };
  if (!auth.orgId) return { ok: false, reason: 'no_organization', userId: auth.userId };
  const role = parseRole(auth.orgRole);
  if (!role) return { ok: false, reason: 'unknown_role', userId: auth.userId };
  return {
    ok: true,
    ctx: { orgId: auth.orgId, orgSlug: auth.orgSlug ?? null, userId: auth.userId, role, permissions: permissionsOf(role) },
  };
}

export function hasPermission(ctx: TenantContext, permission: Permission): boolean {
  return ctx.permissions.includes(permission);
}
