import { clerkMiddleware } from '@clerk/nextjs/server';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig, authorizedPartiesFor, browserOrigin, type AuthConfig } from '@/lib/auth/config';
import { guardLocalRequest, SESSION_COOKIES } from '@/lib/auth/local-guard';
import { decide } from '@/lib/auth/proxy-decision';
import { siteOf, SWITCH_ORG_PREFIX, switchOrgSlug } from '@/lib/auth/subdomain';
import { env } from '@/lib/env';
import { contentSecurityPolicy, createNonce, storageOrigins } from '@/lib/security/csp';
import {
  checkOrigin,
  screenMethod,
  screenServerAction,
  screenServerActionBody,
  screenStaticAsset,
} from '@/lib/security/request-screen';

/**
 * Every request (docs/design.md §1): Clerk verifies the session token — in local
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

const STORAGE_ORIGINS = storageOrigins({
  bucket: env.S3_BUCKET,
  region: env.S3_REGION,
  endpoint: env.S3_ENDPOINT,
  forcePathStyle: env.S3_FORCE_PATH_STYLE,
});

/** Next's prefix for request headers a pass-through response hands to the page (Clerk uses it too). */
const OVERRIDE_HEADERS = 'x-middleware-override-headers';
const REQUEST_HEADER = 'x-middleware-request';

/**
 * The CSP on the response, and on the request the page renders with (a
 * pass-through), where Next reads the nonce for its own scripts and
 * ClerkProvider (`dynamic`) reads `x-nonce`.
 */
function withCsp(req: NextRequest, res: Response, config: AuthConfig): Response {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, {
    clerkFrontendApi: config.frontendApi,
    dev: env.NODE_ENV === 'development',
    storage: STORAGE_ORIGINS,
  });
  const out = res instanceof NextResponse ? res : new NextResponse(res.body, res);
  out.headers.set('Content-Security-Policy', policy);
  if (out.headers.has('x-middleware-next') || out.headers.has('x-middleware-rewrite')) {
    if (!out.headers.has(OVERRIDE_HEADERS)) {
      out.headers.set(OVERRIDE_HEADERS, [...req.headers.keys()].join(','));
      req.headers.forEach((value, key) => out.headers.set(`${REQUEST_HEADER}-${key}`, value));
    }
    for (const [key, value] of [['content-security-policy', policy], ['x-nonce', nonce]] as const) {
      out.headers.set(OVERRIDE_HEADERS, `${out.headers.get(OVERRIDE_HEADERS)},${key}`);
      out.headers.set(`${REQUEST_HEADER}-${key}`, value);
    }
  }
  return out;
}

async function authenticate(req: NextRequest, event: NextFetchEvent, config: AuthConfig): Promise<Response> {
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

export default async function proxy(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  // Files first: nothing else applies to them, and they are most requests.
  const asset = screenStaticAsset(req);
  if (asset) return asset;
  const config = authConfig(); // throws with instructions when neither auth mode is configured
  // Refused before Clerk and the framework run (lib/security/request-screen.ts).
  const refused =
    screenMethod(req) ?? checkOrigin(req, config) ?? screenServerAction(req) ?? (await screenServerActionBody(req));
  if (refused) return refused;
  return withCsp(req, await authenticate(req, event, config), config);
}

export const config = {
  matcher: [
    // Everything except image optimization and root-level files (public/: `/favicon.ico`, `/sw.js`). Deeper paths always run
    // the proxy, whatever they end in: `/projects/x.png` is a page (Clerk must run for
    // auth() to work there), and `/_next/static/*` is screened for its methods.
    // Public files in a folder (`public/icons/*`) would need a public route in lib/auth/routes.ts.
    // (A string literal: Next reads the matcher statically.)
    '/((?!_next/image)(?![^/]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)$).*)',
    // …and always API routes.
    '/(api|trpc)(.*)',
  ],
};
