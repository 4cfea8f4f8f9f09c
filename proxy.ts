import { clerkMiddleware } from '@clerk/nextjs/server';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig, authorizedPartiesFor, browserOrigin, type AuthConfig } from '@/lib/auth/config';
import { guardLocalRequest, SESSION_COOKIES } from '@/lib/auth/local-guard';
import { decide } from '@/lib/auth/proxy-decision';
import { siteOf, SWITCH_ORG_PREFIX, switchOrgSlug } from '@/lib/auth/subdomain';

/**
 * Every request (DESIGN.md §1): Clerk verifies the session token — in local
 * mode networklessly with our `jwtKey` — then `decide` applies the route
 * classes, the active-organization rule and subdomain routing. Pages, actions
 * and route handlers check auth() themselves as well.
 */
const clerk = clerkMiddleware(
  async (auth, req) => decide(await auth(), req),
  (req) => {
    const config = authConfig();
    return {
      jwtKey: config.jwtKey,
      authorizedParties: authorizedPartiesFor(config, browserOrigin(req)),
      signInUrl: '/sign-in',
      ...organizationSyncFor(config, req),
    };
  },
);

/**
 * Clerk mode, subdomain routing: on `<slug>.<root>/switch-org/<slug>` only,
 * let Clerk activate organization `<slug>` through its handshake
 * (organizationSyncOptions matches paths, not hosts; decide() sends members
 * here). Never in local mode: its handshake host does not exist.
 */
function organizationSyncFor(config: AuthConfig, req: NextRequest) {
  if (config.mode !== 'clerk') return {};
  const site = siteOf(browserOrigin(req).hostname, config.rootDomain);
  if (site.kind !== 'tenant' || switchOrgSlug(req.nextUrl.pathname) !== site.slug) return {};
  return { organizationSyncOptions: { organizationPatterns: [`${SWITCH_ORG_PREFIX}:slug`] } };
}

/**
 * clerkMiddleware turns a pass-through into a rewrite to the request's own
 * absolute URL. Next normalizes 127.0.0.1 to "localhost" in that URL, so on a
 * server bound to 127.0.0.1 the rewrite looks external and Next proxies it to
 * a host nobody listens on (500). A same-URL rewrite is a pass-through: send
 * it as one; Clerk's auth headers still reach the page (x-middleware-request-*).
 */
function keepPassThrough(req: NextRequest, res: Response): Response {
  const rewrite = res.headers.get('x-middleware-rewrite');
  if (!rewrite) return res;
  const target = new URL(rewrite);
  const own = new URL(req.url);
  if (target.pathname !== own.pathname || target.search !== own.search) return res;
  res.headers.delete('x-middleware-rewrite');
  res.headers.set('x-middleware-next', '1');
  return res;
}

export default async function proxy(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  const config = authConfig(); // throws with instructions when neither auth mode is configured
  if (config.mode !== 'local') return keepPassThrough(req, (await clerk(req, event)) ?? NextResponse.next());

  const { request, signedOut } = guardLocalRequest(req);
  const res = keepPassThrough(req, (await clerk(request, event)) ?? NextResponse.next());
  if (signedOut) {
    const cleared = res instanceof NextResponse ? res : new NextResponse(res.body, res);
    for (const name of SESSION_COOKIES) cleared.cookies.set(name, '', { path: '/', maxAge: 0 });
    return cleared;
  }
  return res;
}

export const config = {
  matcher: [
    // Everything except Next internals and static files (Clerk's recommended matcher)…
    '/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
    // …and always API routes.
    '/(api|trpc)(.*)',
  ],
};
