import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { ErrorBody } from '@/lib/api/errors';
import { INACTIVE_MESSAGE, organizationStatus } from './organization-status';
import { isApiRoute, isIdentityRoute, isPublicRoute } from './routes';
import { resolveTenant, type AuthFields, type TenantRefusal } from './tenant-context';

function jsonError(status: 401 | 403, code: 'unauthorized' | 'forbidden', message: string) {
  return NextResponse.json({ error: { code, message } } satisfies ErrorBody, {
    status,
    headers: { 'Cache-Control': 'no-store' },
  });
}

function redirectTo(req: NextRequest, pathname: string, params: Record<string, string> = {}) {
  const url = new URL(pathname, req.nextUrl.origin);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return NextResponse.redirect(url, { headers: { 'Cache-Control': 'no-store' } });
}

const REFUSAL_MESSAGE: Record<Exclude<TenantRefusal, 'signed_out'> | 'inactive', string> = {
  no_organization: 'Choose an organization first.',
  unknown_role: 'Your role in this organization is not recognized.',
  inactive: INACTIVE_MESSAGE,
};

/**
 * What the proxy does with a request once Clerk has verified (or refused) its
 * session token. `undefined` lets the request through.
 *
 * - public routes: through
 * - signed out: pages → our /sign-in (with the way back), /api → 401
 * - /select-org, /sign-out: any signed-in user
 * - otherwise an active organization, a known role and our database marking
 *   the org active: pages → /select-org (saying why), /api → 403
 */
export async function decide(auth: AuthFields, req: NextRequest): Promise<Response | undefined> {
  const { pathname, search } = req.nextUrl;
  const api = isApiRoute(pathname);
  if (isPublicRoute(pathname)) return undefined;

  if (!auth.userId) {
    if (api) return jsonError(401, 'unauthorized', 'Sign in to continue.');
    return redirectTo(req, '/sign-in', { redirect_url: `${pathname}${search}` });
  }
  if (isIdentityRoute(pathname)) return undefined;

  const r = resolveTenant(auth);
  if (!r.ok) {
    const reason = r.reason as Exclude<TenantRefusal, 'signed_out'>;
    if (api) return jsonError(403, 'forbidden', REFUSAL_MESSAGE[reason]);
    return redirectTo(req, '/select-org', reason === 'no_organization' ? {} : { reason: 'role' });
  }

  if ((await organizationStatus(r.ctx)) !== 'active') {
    if (api) return jsonError(403, 'forbidden', REFUSAL_MESSAGE.inactive);
    return redirectTo(req, '/select-org', { reason: 'inactive' });
  }
  return undefined;
}
