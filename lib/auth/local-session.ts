import 'server-only';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { importPKCS8, type CryptoKey } from 'jose';
import { cookies } from 'next/headers';
import { listUserMemberships } from '@/db/queries/memberships';
import { getUser } from '@/db/queries/users';
import { withIdentity } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { env } from '@/lib/env';
import { authConfig } from './config';
import { requestOrigin } from './request-origin';
import { CLIENT_UAT_COOKIE, SESSION_COOKIE } from './local-keys';
import { sessionClaims, signSessionToken } from './session-token';
import type { Role } from '@/lib/rbac/permissions';

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

/**
 * Sign in as `userId` with `orgId` active (or the user's first active org,
 * or none: the user then picks one on /select-org). The org must be one of
 * the user's memberships and active in our database.
 */
export async function startLocalSession(
  userId: string,
  orgId?: string | null,
  sessionId: string = `sess_local_${randomUUID()}`,
  /** The local stand-in for Clerk's second-factor step (docs/auth.md, "Step-up"). */
  opts: { secondFactor?: boolean } = {},
) {
  assertLocalMode();
  const { user, orgs } = await withIdentity(userId, async (tx) => ({
    user: await getUser(tx, userId),
    orgs: await listUserMemberships(tx, userId),
  }));
  if (!user) throw PublicError.badRequest('Unknown user.');
  const active = orgs.filter((o) => o.active);
  const org = orgId ? active.find((o) => o.orgId === orgId) : active[0];
  if (orgId && !org) throw PublicError.forbidden('You are not a member of that organization.');

  const jar = await cookies();
  for (const c of await mintLocalSessionCookies({
    userId,
    sessionId,
    origin: await requestOrigin(),
    org: org ? { id: org.orgId, slug: org.slug, role: org.role } : null,
    fva: opts.secondFactor ? [0, 0] : [0, -1],
  })) {
    jar.set(c.name, c.value, c.options);
  }
  return { org: org ?? null };
}

export interface LocalSessionCookie {
  name: typeof SESSION_COOKIE | typeof CLIENT_UAT_COOKIE;
  value: string;
  options: { path: '/'; httpOnly: true; sameSite: 'lax'; secure: boolean };
}

/**
 * Mint a v2 token for `userId` with `org` active and the two cookies that
 * carry it. No membership check here: the callers (startLocalSession above,
 * the proxy's subdomain switch) have just read the membership from our
 * database under withIdentity(userId). Usable where next/headers is not
 * (the proxy): the caller sets the cookies on its own response.
 */
export async function mintLocalSessionCookies(input: {
  userId: string;
  sessionId: string;
  /** The browser's origin: the token's `azp`. */
  origin: URL;
  org: { id: string; slug: string; role: Role } | null;
  /** Factor ages as of now; a token re-minted without them (an org switch) has never verified a second factor. */
  fva?: [number, number];
}): Promise<LocalSessionCookie[]> {
  assertLocalMode();
  const claims = sessionClaims({
    userId: input.userId,
    sessionId: input.sessionId,
    azp: input.origin.origin,
    org: input.org,
    ttlSeconds: env.LOCAL_AUTH_SESSION_SECONDS,
    fva: input.fva ?? [0, -1],
  });
  const token = await signSessionToken(claims, await signingKey());
  // httpOnly: no clerk-js reads it in local mode. Same-site lax, like Clerk's own.
  const options = { path: '/', httpOnly: true, sameSite: 'lax', secure: input.origin.protocol === 'https:' } as const;
  return [
    { name: SESSION_COOKIE, value: token, options },
    { name: CLIENT_UAT_COOKIE, value: String(claims.iat), options },
  ];
}

export async function endLocalSession() {
  assertLocalMode();
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(CLIENT_UAT_COOKIE);
}
