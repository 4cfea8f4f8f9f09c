import { decodeJwt } from 'jose';
import { NextRequest } from 'next/server';
import { CLIENT_UAT_COOKIE, SESSION_COOKIE } from './local-keys';

/**
 * Local mode has no Clerk frontend API to refresh a session. On a page
 * navigation, every cookie state for which clerkMiddleware would redirect to
 * its handshake host (expired / not-yet-valid / future-iat token, a session
 * without its client_uat or the reverse, iat older than client_uat, a
 * cross-origin referrer) is turned into "signed out" before Clerk sees it:
 * the cookies are dropped from the request and expired in the response, and
 * our proxy sends the user to our own /sign-in.
 *
 * Non-navigation requests (fetch, server actions, API calls) are never
 * handshaken by Clerk; they pass untouched and Clerk itself answers
 * signed-out for a bad token.
 */

/** Mirrors Clerk's handshake eligibility (GET document/iframe, or text/html without Sec-Fetch-Dest). */
function isHandshakeEligible(req: Request): boolean {
  if (req.method !== 'GET') return false;
  const dest = req.headers.get('sec-fetch-dest');
  if (dest === 'document' || dest === 'iframe') return true;
  return !dest && (req.headers.get('accept') ?? '').startsWith('text/html');
}

function isClerkSessionCookie(name: string) {
  return name === SESSION_COOKIE || name.startsWith(`${SESSION_COOKIE}_`) || name === CLIENT_UAT_COOKIE || name.startsWith(`${CLIENT_UAT_COOKIE}_`);
}

/** True when Clerk would answer this navigation with a handshake redirect. */
function wouldHandshake(req: NextRequest, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  const uat = Number(req.cookies.get(CLIENT_UAT_COOKIE)?.value ?? 0) || 0;
  if (!token) return uat > 0;
  if (!uat) return true;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    return false; // undecodable: Clerk treats it as signed out without a handshake
  }
  const { exp = 0, nbf = 0, iat = 0 } = claims;
  // Stricter than Clerk's 5 s clock skew, so Clerk never gets to the handshake branch.
  return exp <= nowSeconds + 5 || nbf > nowSeconds || iat > nowSeconds || iat < uat;
}

export interface GuardedRequest {
  request: NextRequest;
  /** The response must expire the session cookies. */
  signedOut: boolean;
}

export function guardLocalRequest(req: NextRequest, nowSeconds?: number): GuardedRequest {
  // Clerk only handshakes GET requests; anything else passes untouched (its body included).
  if (req.method !== 'GET') return { request: req, signedOut: false };
  const signedOut = isHandshakeEligible(req) && wouldHandshake(req, nowSeconds);
  if (!signedOut && !req.headers.has('referer')) return { request: req, signedOut };
  const headers = new Headers(req.headers);
  // A cross-origin Referer on a signed-in navigation also triggers Clerk's handshake.
  headers.delete('referer');
  if (signedOut) {
    const kept = (req.headers.get('cookie') ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter((c) => c && !isClerkSessionCookie(c.split('=')[0] ?? ''));
    if (kept.length) headers.set('cookie', kept.join('; '));
    else headers.delete('cookie');
  }
  return { request: new NextRequest(req.url, { method: 'GET', headers }), signedOut };
}

/** Names of the cookies a local sign-out or an expired session clears. */
export const SESSION_COOKIES = [SESSION_COOKIE, CLIENT_UAT_COOKIE] as const;
