import 'server-only';
import { findLinkByHash, loadPublicSite, type PublicLink, type PublicSite } from '@/db/queries/public-page';
import { withInspectorLink } from '@/db/public';
import { hashToken, sameHash, TOKEN_PATTERN } from './token';

export type OpenedSite = { ok: true; link: PublicLink; site: PublicSite } | { ok: false };

/** Longer path segments are cut before hashing: the work per request stays bounded. */
const MAX_TOKEN_CHARS = 256;

/**
 * The token from the URL → the published site, through brave_public only.
 * Every wrong token (unknown, revoked, expired, malformed) takes the same
 * path: hash, open the link, one lookup by hash, a constant-time comparison
 * (against a decoy hash when no row came back), and no early exit before the
 * single combined decision. Only a live link goes on to load the site.
 */
export async function openPublicSite(token: string, now = new Date()): Promise<OpenedSite> {
  const candidate = token.slice(0, MAX_TOKEN_CHARS);
  const tokenHash = hashToken(candidate);
  return withInspectorLink(tokenHash, async (tx) => {
    const row = await findLinkByHash(tx, tokenHash);
    const shaped = TOKEN_PATTERN.test(candidate);
    const equal = sameHash(row?.tokenHash, tokenHash);
    const live = row !== undefined && row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now);
    if (!(shaped && equal && live) || !row) return { ok: false };
    const site = await loadPublicSite(tx, row);
    return site ? { ok: true, link: row, site } : { ok: false };
  });
}
