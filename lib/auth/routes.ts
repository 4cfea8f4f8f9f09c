/**
 * Route classes of DESIGN.md §1. Matching is on the decoded, normalized
 * pathname Next gives the proxy; every route handler and action checks auth()
 * itself as well, so a matcher bug can't open tenant data on its own.
 */

const PUBLIC_EXACT = new Set(['/', '/api/health']);
const PUBLIC_PREFIXES = ['/sign-in', '/inspect/', '/api/webhooks/'];

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

/** A same-origin path to return to after sign-in; anything else (//evil, https://…) becomes /dashboard. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/dashboard';
  }
  if (isPublicRoute(value.split('?')[0] ?? '') && !value.startsWith('/inspect/')) return '/dashboard';
  return value;
}
