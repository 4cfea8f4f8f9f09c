import 'server-only';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { importPKCS8, type CryptoKey } from 'jose';
import { cookies, headers } from 'next/headers';
import { listUserMemberships } from '@/db/queries/memberships';
import { getUser } from '@/db/queries/users';
import { withIdentity } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { env } from '@/lib/env';
import { authConfig, browserOrigin } from './config';
import { CLIENT_UAT_COOKIE, SESSION_COOKIE } from './local-keys';
import { sessionClaims, signSessionToken } from './session-token';

/**
 * The local identity mode's "Clerk frontend API": picks the user and the
 * active organization, checks them against our database, mints a Clerk-shaped
 * v2 session token and sets Clerk's cookies. Refused outside AUTH_MODE=local.
 */

let privateKey: Promise<CryptoKey> | undefined;

function assertLocalMode() {
  if (authConfig().mode !== 'local') throw PublicError.forbidden('Local sign-in is disabled: this server uses Clerk.');
}

function signingKey() {
  privateKey ??= readFile(env.LOCAL_AUTH_KEY_FILE!, 'utf8').then((pem) => importPKCS8(pem, 'RS256'));
  return privateKey;
}

/** The app's origin as the browser sees it: the token's `azp`, derived exactly as proxy.ts derives it. */
async function requestOrigin(): Promise<URL> {
  return browserOrigin({ headers: await headers(), nextUrl: new URL('http://localhost:3000') });
}

/**
 * Sign in as `userId` with `orgId` active (or the user's first active org,
 * or none: the user then picks one on /select-org). The org must be one of
 * the user's memberships and active in our database.
 */
export async function startLocalSession(userId: string, orgId?: string | null, sessionId: string = `sess_local_${randomUUID()}`) {
  assertLocalMode();
  const { user, orgs } = await withIdentity(userId, async (tx) => ({
    user: await getUser(tx, userId),
    orgs: await listUserMemberships(tx, userId),
  }));
  if (!user) throw PublicError.badRequest('Unknown user.');
  const active = orgs.filter((o) => o.active);
  const org = orgId ? active.find((o) => o.orgId === orgId) : active[0];
  if (orgId && !org) throw PublicError.forbidden('You are not a member of that organization.');

  const origin = await requestOrigin();
  const claims = sessionClaims({
    userId,
    sessionId,
    azp: origin.origin,
    org: org ? { id: org.orgId, slug: org.slug, role: org.role } : null,
    ttlSeconds: env.LOCAL_AUTH_SESSION_SECONDS,
  });
  const token = await signSessionToken(claims, await signingKey());
  const jar = await cookies();
  const secure = origin.protocol === 'https:';
  // httpOnly: no clerk-js reads it in local mode. Same-site lax, like Clerk's own.
  jar.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  jar.set(CLIENT_UAT_COOKIE, String(claims.iat), { path: '/', httpOnly: true, sameSite: 'lax', secure });
  return { org: org ?? null };
}

export async function endLocalSession() {
  assertLocalMode();
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(CLIENT_UAT_COOKIE);
}
