import 'server-only';
import { findLinkByHash, loadPublicSite, type PublicLink } from '@/db/queries/public-page';
import { withInspectorLink } from '@/db/public';
import { StorageUnavailableError } from '@/lib/storage/errors';
import { isLiveLink } from './link-expiry';
import { sealPublicFiles, type PublicPage } from './public-files';
import { hashToken, sameHash, TOKEN_PATTERN } from './token';

export type OpenedSite = { ok: true; link: PublicLink; site: PublicPage } | { ok: false };

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
  const opened = await readPublicSite(token, now);
  if (!opened.ok) return opened;
  // Sealing needs no database: after the transaction, with the hash the link was opened with.
  try {
    return { ...opened, site: sealPublicFiles(opened.link.tokenHash, opened.site) };
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    // File storage not configured: the notice and the reports still matter more than the photos.
    console.warn(`[inspect] public files left out: ${error.message}`);
    return { ...opened, site: { ...opened.site, photos: [], swppp: undefined, filesUnavailable: true } };
  }
}

async function readPublicSite(token: string, now: Date) {
  const candidate = token.slice(0, MAX_TOKEN_CHARS);
  const tokenHash = hashToken(candidate);
  return withInspectorLink(tokenHash, async (tx) => {
    const row = await findLinkByHash(tx, tokenHash);
    const shaped = TOKEN_PATTERN.test(candidate);
    const equal = sameHash(row?.tokenHash, tokenHash);
    const live = row !== undefined && isLiveLink(row, now);
    if (!(shaped && equal && live) || !row) return { ok: false as const };
    const site = await loadPublicSite(tx, row);
    return site ? { ok: true as const, link: row, site } : { ok: false as const };
  });
}
