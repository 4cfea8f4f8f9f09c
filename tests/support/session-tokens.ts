/**
 * Test helpers (never imported by the app): a throwaway RSA key, the local
 * mode's env for it, and Clerk-shaped session tokens, good and bad.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { NextRequest } from 'next/server';
import { CLIENT_UAT_COOKIE, LOCAL_PUBLISHABLE_KEY, SESSION_COOKIE } from '@/lib/auth/local-keys';
import { sessionClaims, signSessionToken, type SessionTokenInput } from '@/lib/auth/session-token';

export function testKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/**
 * Sets process.env for local mode; call before importing proxy.ts or lib/env (vi.resetModules()).
 * `keyFile`: a PKCS#8 PEM of the private key, for code that mints tokens itself (the subdomain switch).
 */
export function setLocalAuthEnv(publicPem: string, opts: { keyFile?: string; rootDomain?: string } = {}) {
  Object.assign(process.env, {
    AUTH_MODE: 'local',
    CLERK_JWT_KEY: publicPem,
    CLERK_SECRET_KEY: 'sk_live_local_test_secret',
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: LOCAL_PUBLISHABLE_KEY,
    LOCAL_AUTH_KEY_FILE: opts.keyFile ?? '/dev/null',
    NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_CLERK_KEYLESS_DISABLED: '1',
    CLERK_DISABLE_AUTO_PROXY: '1',
  });
  if (opts.rootDomain) process.env.APP_ROOT_DOMAIN = opts.rootDomain;
  else delete process.env.APP_ROOT_DOMAIN;
}

const TEST_ORIGIN = 'http://localhost:3000';

export async function mintToken(
  key: KeyObject,
  input: Partial<SessionTokenInput> & { userId: string },
  overrides: Record<string, unknown> = {},
) {
  const claims = {
    ...sessionClaims({ sessionId: 'sess_test', azp: TEST_ORIGIN, ttlSeconds: 600, ...input }),
    ...overrides,
  };
  return { token: await signSessionToken(claims, key), iat: claims.iat as number };
}

/** An unsigned token (`alg: none`) with otherwise valid claims. */
export function unsignedToken(claims: Record<string, unknown>) {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

export function request(
  path: string,
  opts: {
    token?: string;
    uat?: number | string;
    navigation?: boolean;
    method?: string;
    headers?: Record<string, string>;
    cookies?: Record<string, string>;
    body?: BodyInit;
  } = {},
) {
  const cookies: Record<string, string> = { ...opts.cookies };
  if (opts.token !== undefined) cookies[SESSION_COOKIE] = opts.token;
  if (opts.uat !== undefined) cookies[CLIENT_UAT_COOKIE] = String(opts.uat);
  const url = new URL(path, TEST_ORIGIN);
  const headers = new Headers(opts.headers);
  // A browser always sends Host; the proxy reads the subdomain (and the azp origin) from it.
  if (!headers.has('host')) headers.set('host', url.host);
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  if (cookie) headers.set('cookie', cookie);
  if (opts.navigation) {
    headers.set('sec-fetch-dest', 'document');
    headers.set('accept', 'text/html,application/xhtml+xml');
  } else if (!headers.has('accept')) {
    headers.set('accept', 'application/json');
  }
  return new NextRequest(url, { method: opts.method ?? 'GET', headers, body: opts.body });
}
