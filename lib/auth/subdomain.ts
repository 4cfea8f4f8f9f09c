/**
 * Subdomain routing (optional, `APP_ROOT_DOMAIN`): `acme.<root>` asks for the
 * organization whose slug is `acme`. The host only *selects* which of the
 * signed-in user's own memberships should be active — exactly like the org
 * switcher. The tenant of every query is still the session's active
 * organization (auth()); nothing here is ever passed to withTenant.
 * The rules live in lib/auth/proxy-decision.ts; docs/auth.md describes them.
 */

export type Site =
  /** No APP_ROOT_DOMAIN, the root itself, `www.<root>`, or a host outside the root (an IP, an internal health check): as before. */
  | { kind: 'root' }
  /** `<slug>.<root>` with a syntactically possible slug (whether it exists is decided for signed-in users only). */
  | { kind: 'tenant'; slug: string }
  /** Under the root, but no organization can have this name (`a.b.<root>`, `-x`, `a_b`, too long): 404 for everyone. */
  | { kind: 'invalid' };

/** Clerk slugs: lowercase letters, digits and hyphens; a DNS label (≤ 63, no leading/trailing hyphen). */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Labels that mean the root itself, never an organization. */
const ROOT_ALIASES = new Set(['www']);

const ROOT: Site = { kind: 'root' };

/** Normalizes APP_ROOT_DOMAIN: lowercase, no port, no trailing dot, no leading dot; empty → undefined. */
export function normalizeRootDomain(value: string | undefined): string | undefined {
  const root = value
    ?.trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^\./, '');
  return root || undefined;
}

/** Which site a request's host name (no port; as the browser sent it) belongs to. */
export function siteOf(hostname: string, rootDomain: string | undefined): Site {
  const root = normalizeRootDomain(rootDomain);
  if (!root) return ROOT;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === root || !host.endsWith(`.${root}`)) return ROOT;
  const label = host.slice(0, -(root.length + 1));
  if (ROOT_ALIASES.has(label)) return ROOT;
  return SLUG.test(label) ? { kind: 'tenant', slug: label } : { kind: 'invalid' };
}

/**
 * Clerk mode's switch path: `<slug>.<root>/switch-org/<slug>?redirect_url=…`.
 * clerkMiddleware's organizationSyncOptions (enabled only for this path on
 * the matching subdomain, see proxy.ts) activates the org through Clerk's
 * handshake; the proxy then sends the user on to `redirect_url`.
 */
export const SWITCH_ORG_PREFIX = '/switch-org/';

export function switchOrgPath(slug: string): string {
  return `${SWITCH_ORG_PREFIX}${slug}`;
}

/** The slug of a `/switch-org/<slug>` path (undefined for any other path). */
export function switchOrgSlug(pathname: string): string | undefined {
  if (!pathname.startsWith(SWITCH_ORG_PREFIX)) return undefined;
  const slug = pathname.slice(SWITCH_ORG_PREFIX.length).replace(/\/$/, '');
  return SLUG.test(slug) ? slug : undefined;
}
