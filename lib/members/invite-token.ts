import { createHash, randomBytes } from 'node:crypto';

/**
 * An invitation link's token: `<orgId>.<secret>`. The org id only says which
 * tenant's table to look in (the lookup runs inside that tenant, by the
 * SHA-256 of the secret); the secret (256 random bits) is the credential and
 * only its hash is stored, so the table leaks no usable link.
 */
export const INVITATION_TTL_DAYS = 7;

const ORG = /^[A-Za-z0-9_-]{1,64}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(orgId: string): { token: string; tokenHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${orgId}.${secret}`, tokenHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The parts of a well-formed token, or null (a malformed link is the same "not valid" as an unknown one). */
export function parseInvitationToken(token: string): { orgId: string; tokenHash: string } | null {
  const dot = token.lastIndexOf('.');
  if (dot < 1) return null;
  const orgId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (!ORG.test(orgId) || !SECRET.test(secret)) return null;
  return { orgId, tokenHash: hashSecret(secret) };
}
