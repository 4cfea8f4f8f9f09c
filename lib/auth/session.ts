import 'server-only';
import { auth } from '@clerk/nextjs/server';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { PublicError } from '@/lib/api/errors';
import { noteOffHoursAccess } from '@/lib/security/off-hours';
import { countRequest } from '@/lib/usage/request-counter';
import { organizationStatus } from './organization-status';
import { hasPermission, resolveTenant, type TenantContext, type TenantResolution } from './tenant-context';
import type { Permission } from '@/lib/rbac/permissions';

/** `auth()` → tenant resolution, once per request. The only source of the tenant. */
export const currentTenant = cache(async (): Promise<TenantResolution> => resolveTenant(await auth()));

/** The signed-in user's id (no organization needed), or null. */
export async function currentUserId(): Promise<string | null> {
  return (await auth()).userId ?? null;
}

/** For actions and route handlers: the context, or a PublicError (401 signed out, 403 otherwise). */
export async function requireTenant(): Promise<TenantContext> {
  const r = await currentTenant();
  if (r.ok) {
    // Every action and route comes through here (tenantAction, tenantRoute); memoized, see off-hours.ts.
    await noteOffHoursAccess(r.ctx, new Date(), 'request');
    return r.ctx;
  }
  if (r.reason === 'signed_out') throw PublicError.unauthorized();
  if (r.reason === 'no_organization') throw PublicError.forbidden('Choose an organization first.');
  throw PublicError.forbidden('Your role in this organization is not recognized.');
}

/**
 * For pages and layouts: the context of an active organization, or a redirect
 * to our sign-in or organization picker (which explains why).
 */
export const requireTenantPage = cache(async (): Promise<TenantContext> => {
  const r = await currentTenant();
  if (!r.ok) {
    if (r.reason === 'signed_out') redirect('/sign-in');
    redirect(r.reason === 'unknown_role' ? '/select-org?reason=role' : '/select-org');
  }
  if ((await organizationStatus(r.ctx)) !== 'active') redirect('/select-org?reason=inactive');
  await noteOffHoursAccess(r.ctx, new Date(), 'page');
  countRequest(r.ctx, { api: false });
  return r.ctx;
});

/**
 * For pages: a member whose role lacks `permission` gets the 403 page
 * (app/(app)/forbidden.tsx) with HTTP status 403, not a 200 that says "not allowed".
 */
export function requirePagePermission(ctx: TenantContext, permission: Permission): void {
  if (!hasPermission(ctx, permission)) forbidden();
}
