import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, 256 bits. */
const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 (hex) of a token: the only form in which a token is stored or sent to the database. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new link's token (shown once) and its hash (stored). */
export function newInspectorToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** A hash nobody's token has: compared against when no row was found, so a miss does the same work. */
const DECOY = hashToken('brave-forms:no-such-inspector-link');

/** Constant-time equality of two SHA-256 hex digests (`stored` may be missing). */
export function sameHash(stored: string | undefined, computed: string): boolean {
  const a = Buffer.from(stored ?? DECOY, 'utf8');
  const b = Buffer.from(computed, 'utf8');
  // Both are 64 hex characters; a length mismatch (a corrupt row) still compares equal-length buffers.
  const equal = a.length === b.length ? timingSafeEqual(a, b) : timingSafeEqual(b, b) && false;
  return equal && stored !== undefined;
}
