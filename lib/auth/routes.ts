/**
 * Route classes of docs/design.md §1. Matching is on the decoded, normalized
 * pathname Next gives the proxy; every route handler and action checks auth()
 * itself as well, so a matcher bug can't open tenant data on its own.
 */

const PUBLIC_EXACT = new Set(['/', '/api/health', '/robots.txt']);
// /internal is the operator's support area: no tenant session there, its own (app/internal, lib/support/staff.ts).
const PUBLIC_PREFIXES = ['/sign-in', '/inspect/', '/inspect-file/', '/invite/', '/api/webhooks/', '/internal'];

/** Signed in, but no organization needed (choosing one, leaving). */
const IDENTITY_PREFIXES = ['/select-org', '/sign-out'];

function matches(pathname: string, prefix: string) {
  return prefix.endsWith('/') ? pathname.startsWith(prefix) : pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function isPublicRoute(pathname: string): boolean {
  return PUBLIC_EXACT.has(pathname) || PUBLIC_PREFIXES.some((p) => matches(pathname, p));
}

export function isIdentityRoute(pathname: string): boolean {
  return IDENTITY_PREFIXES.some((p) => matches(pathname, p));
}

export function isApiRoute(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

const FALLBACK = '/dashboard';
/** Stands in for the app's origin: only what resolves onto it is a same-origin path. */
const BASE = 'https://app.invalid';

/**
 * A same-origin path to return to after sign-in (or an org switch); anything
 * else becomes /dashboard. Parsed with the WHATWG URL parser, exactly as the
 * browser will resolve the Location header: the parser drops TAB/CR/LF
 * anywhere and treats `\` like `/`, so `/\t/evil.example` and `/\\evil`
 * resolve onto another host and are refused here. What is returned is the
 * parser's serialization (percent-encoded: no control or non-Latin-1
 * character can reach a header).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  if (isPublicRoute(url.pathname) && !url.pathname.startsWith('/inspect/')) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
