import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
import { permissionsOf, type Role } from '@/lib/rbac/permissions';
import { LOCAL_ISSUER, LOCAL_KEY_ID } from './local-keys';

/**
 * Session tokens in Clerk's shape, for the local identity mode and the tests.
 * Clerk's own middleware verifies them (with `jwtKey`), so they must look
 * exactly like what Clerk issues: https://clerk.com/docs/guides/sessions/session-tokens
 */
export interface SessionTokenInput {
  userId: string;
  sessionId: string;
  /** Origin of the app (`azp`); clerkMiddleware checks it against authorizedParties. */
  azp: string;
  org?: { id: string; slug: string; role: Role } | null;
  /** 2 (current, `o` claim) or 1 (legacy `org_*` claims). */
  version?: 1 | 2;
  /** Seconds since the epoch; defaults to now. */
  now?: number;
  ttlSeconds: number;
  issuer?: string;
  /** Clerk's factor-verification ages in minutes [first, second], -1 = never (lib/auth/step-up-claims.ts). */
  fva?: [number, number];
}

/**
 * v2 permission encoding: `fea` lists features (`o:projects`), `o.per` the
 * distinct actions, `o.fpm` one decimal bitmask per feature over `per`
 * (bit i = per[i]). Clerk's parser rebuilds `org:<feature>:<action>` from it.
 */
export function encodeOrgPermissions(permissions: readonly string[]) {
  const pairs = permissions.map((p) => {
    const [, feature = '', action = ''] = p.split(':');
    return { feature, action };
  });
  const features = [...new Set(pairs.map((p) => p.feature))];
  const actions = [...new Set(pairs.map((p) => p.action))];
  const fpm = features.map((f) =>
    pairs.filter((p) => p.feature === f).reduce((mask, p) => mask | (1 << actions.indexOf(p.action)), 0),
  );
  return { fea: features.map((f) => `o:${f}`).join(','), per: actions.join(','), fpm: fpm.join(',') };
}

export function sessionClaims(input: SessionTokenInput): Record<string, unknown> {
  const now = input.now ?? Math.floor(Date.now() / 1000);
  // Backdated like Clerk's own tokens, so a few seconds of clock skew never make it "not yet valid".
  const iat = now - 5;
  const base: Record<string, unknown> = {
    azp: input.azp,
    exp: now + input.ttlSeconds,
    iat,
    iss: input.issuer ?? LOCAL_ISSUER,
    nbf: iat,
    sid: input.sessionId,
    sub: input.userId,
    sts: 'active',
    ...(input.fva ? { fva: input.fva } : {}),
  };
  const org = input.org;
  if ((input.version ?? 2) === 1) {
    return org
      ? { ...base, org_id: org.id, org_slug: org.slug, org_role: `org:${org.role}`, org_permissions: [...permissionsOf(org.role)] }
      : base;
  }
  if (!org) return { ...base, v: 2 };
  const { fea, per, fpm } = encodeOrgPermissions(permissionsOf(org.role));
  return { ...base, v: 2, fea, o: { id: org.id, slg: org.slug, rol: org.role, per, fpm } };
}

/** RS256-signed, like Clerk's. */
export async function signSessionToken(claims: Record<string, unknown>, key: CryptoKey | KeyObject, kid = LOCAL_KEY_ID) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}
