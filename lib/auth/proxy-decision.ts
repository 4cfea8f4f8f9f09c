import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { randomUUID } from 'node:crypto';
import { findUserMembershipsBySlug } from '@/db/queries/memberships';
import { insertSecurityEvent } from '@/db/queries/security-events';
import { withIdentityRead, withTenant } from '@/db/tenant';
import type { ErrorBody } from '@/lib/api/errors';
import { authConfig, browserOrigin } from './config';
import { mintLocalSessionCookies } from './local-session';
import { INACTIVE_MESSAGE, organizationStatus } from './organization-status';
import { isApiRoute, isIdentityRoute, isPublicRoute, safeReturnPath } from './routes';
import { siteOf, switchOrgPath, switchOrgSlug } from './subdomain';
import { resolveTenant, type AuthFields, type TenantContext, type TenantRefusal } from './tenant-context';

/** What decide() reads from Clerk's auth object (sessionId: to keep the session id when local mode re-mints). */
export type ProxyAuth = AuthFields & { sessionId?: string | null | undefined };

function jsonError(status: 401 | 403 | 404, code: 'unauthorized' | 'forbidden' | 'not_found', message: string) {
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

/**
 * The one answer for "not one of your organizations" on a subdomain: a slug
 * of another company and a slug that exists nowhere get exactly this (status,
 * headers, body), after the same single query. Static: nothing about the
 * user, the slug or the reason.
 */
const NOT_FOUND_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Page not found · BrAve Forms</title></head><body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0">' +
  '<main><p>404</p><h1>Page not found</h1><p>The page you asked for does not exist or is not available to you.</p><p><a href="/select-org">Your organizations</a></p></main></body></html>';

function notFound(api: boolean): Response {
  if (api) return jsonError(404, 'not_found', 'Not found.');
  return new NextResponse(NOT_FOUND_HTML, {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
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
 * - a host under APP_ROOT_DOMAIN that no organization can be named: 404
 * - public routes: through
 * - signed out: pages → our /sign-in (with the way back), /api → 401
 * - /select-org, /sign-out: any signed-in user
 * - on `<slug>.<APP_ROOT_DOMAIN>`: decideOnSubdomain (below)
 * - otherwise an active organization, a known role and our database marking
 *   the org active: pages → /select-org (saying why), /api → 403
 */
export async function decide(auth: ProxyAuth, req: NextRequest): Promise<Response | undefined> {
  const { pathname, search } = req.nextUrl;
  const api = isApiRoute(pathname);
  const site = siteOf(browserOrigin(req).hostname, authConfig().rootDomain);
  // No organization can have this name: nothing is looked up, the same answer for everyone.
  if (site.kind === 'invalid') return notFound(api);
  if (isPublicRoute(pathname)) return undefined;

  if (!auth.userId) {
    if (api) return jsonError(401, 'unauthorized', 'Sign in to continue.');
    return redirectTo(req, '/sign-in', { redirect_url: `${pathname}${search}` });
  }
  if (isIdentityRoute(pathname)) return undefined;
  if (site.kind === 'tenant') return decideOnSubdomain(auth as ProxyAuth & { userId: string }, req, site.slug, api);

  const r = resolveTenant(auth);
  if (!r.ok) {
    const reason = r.reason as Exclude<TenantRefusal, 'signed_out'>;
    if (api) return jsonError(403, 'forbidden', REFUSAL_MESSAGE[reason]);
    return redirectTo(req, '/select-org', reason === 'no_organization' ? {} : { reason: 'role' });
  }

  // An API route checks the organization inside its own transaction (tenantRoute →
  // assertActiveOrganization); checking here as well cost a second transaction per API
  // request (bench (d)). Pages keep the early redirect.
  if (api) return undefined;
  if ((await organizationStatus(r.ctx)) !== 'active') return redirectTo(req, '/select-org', { reason: 'inactive' });
  return undefined;
}

/**
 * The signed-in user's own membership in the organization `slug`, through
 * withIdentity: RLS shows only their memberships and orgs, so another
 * company's slug and a slug that doesn't exist both find nothing. A transient
 * duplicate slug in our mirror of Clerk (out-of-order webhooks) finds nothing
 * too rather than guessing.
 */
async function membershipBySlug(userId: string, slug: string) {
  const rows = await withIdentityRead(userId, (tx) => findUserMembershipsBySlug(tx, userId, slug));
  return rows.length === 1 ? rows[0] : undefined;
}

/** A subdomain miss is counted like a miss by id (possible TENANT_BREACH_ATTEMPT), in the user's active org. */
async function recordSubdomainMiss(ctx: TenantContext, slug: string, req: NextRequest) {
  try {
    await withTenant(ctx, (tx) =>
      insertSecurityEvent(tx, ctx.orgId, {
        kind: 'TENANT_BREACH_ATTEMPT',
        userId: ctx.userId,
        ip: req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null,
        details: { subdomain: slug, method: req.method, path: req.nextUrl.pathname },
      }),
    );
  } catch (error) {
    console.error('could not record security event', 'TENANT_BREACH_ATTEMPT', error);
  }
}

const MISMATCH_MESSAGE =
  'This address belongs to another of your organizations. Open it in the browser to switch to it.';

/**
 * `<slug>.<root>` for a signed-in user (non-public, non-identity routes):
 * - `slug` is not one of the user's organizations (another company's or none): 404
 * - it is, but marked inactive: refused like an inactive org (/select-org?reason=inactive, 403)
 * - it is the session's active org: through (role checked as on the root)
 * - it is another of the user's orgs: a page GET switches to it (local mode:
 *   a new session token for it and a redirect to the same URL; Clerk mode:
 *   /switch-org/<slug>, where Clerk's organizationSyncOptions activates it);
 *   API calls and POSTs are refused (403) — they never run in an org the page didn't show.
 */
async function decideOnSubdomain(auth: ProxyAuth & { userId: string }, req: NextRequest, slug: string, api: boolean) {
  const { pathname, search } = req.nextUrl;
  const r = resolveTenant(auth);
  const target = await membershipBySlug(auth.userId, slug);
  if (!target) {
    if (r.ok) await recordSubdomainMiss(r.ctx, slug, req);
    return notFound(api);
  }
  if (!target.active) {
    if (api) return jsonError(403, 'forbidden', REFUSAL_MESSAGE.inactive);
    return redirectTo(req, '/select-org', { reason: 'inactive' });
  }

  const switching = switchOrgSlug(pathname);
  if (auth.orgId === target.orgId) {
    if (!r.ok) {
      if (api) return jsonError(403, 'forbidden', REFUSAL_MESSAGE.unknown_role);
      return redirectTo(req, '/select-org', { reason: 'role' });
    }
    // Clerk mode, back from the handshake that activated this org: on to where the user was going.
    if (switching !== undefined) {
      if (switching !== slug) return notFound(api);
      return redirectTo(req, safeReturnPath(req.nextUrl.searchParams.get('redirect_url')));
    }
    return undefined;
  }

  // Another of the user's organizations (or none active yet).
  if (api || (req.method !== 'GET' && req.method !== 'HEAD')) return jsonError(403, 'forbidden', MISMATCH_MESSAGE);
  const origin = browserOrigin(req);
  if (authConfig().mode === 'local') {
    const cookies = await mintLocalSessionCookies({
      userId: auth.userId,
      sessionId: auth.sessionId ?? `sess_local_${randomUUID()}`,
      origin,
      org: { id: target.orgId, slug: target.slug, role: target.role },
    });
    const res = NextResponse.redirect(new URL(`${pathname}${search}`, origin), {
      headers: { 'Cache-Control': 'no-store' },
    });
    for (const c of cookies) res.cookies.set(c.name, c.value, c.options);
    return res;
  }
  // Clerk mode: the handshake on /switch-org/<slug> did not activate it (Clerk and our mirror disagree): refuse.
  if (switching !== undefined) return notFound(api);
  const url = new URL(switchOrgPath(slug), origin);
  url.searchParams.set('redirect_url', `${pathname}${search}`);
  return NextResponse.redirect(url, { headers: { 'Cache-Control': 'no-store' } });
}
