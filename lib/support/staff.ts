import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * The operator's support staff (SUPPORT_STAFF): each has a name and a personal
 * key the operator handed out; only the key's SHA-256 is configured. Their
 * session is a cookie of our own, HMAC-signed with SUPPORT_SESSION_SECRET and
 * scoped to /internal: a tenant's Clerk session means nothing here, and a
 * support session means nothing anywhere else.
 */
export const SUPPORT_COOKIE = '__brave_support';
const SESSION_SECONDS = 8 * 3600;

function staffTable(): Map<string, string> | null {
  if (!env.SUPPORT_STAFF || !env.SUPPORT_SESSION_SECRET) return null;
  return new Map(env.SUPPORT_STAFF.split(',').map((entry) => entry.split('=') as [string, string]));
}

export function supportEnabled(): boolean {
  return staffTable() !== null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** The staff name when `key` is theirs; the same work for an unknown name as for a wrong key. */
export function checkStaffKey(name: string, key: string): string | null {
  const table = staffTable();
  if (!table) return null;
  const expected = Buffer.from(table.get(name) ?? '0'.repeat(64), 'hex');
  const ok = timingSafeEqual(sha256(key), expected);
  return ok && table.has(name) ? name : null;
}

function sign(payload: string): string {
  return createHmac('sha256', env.SUPPORT_SESSION_SECRET!).update(payload).digest('base64url');
}

export function supportSessionValue(name: string, now = Date.now()): string {
  const payload = `${name}.${Math.floor(now / 1000) + SESSION_SECONDS}`;
  return `${payload}.${sign(payload)}`;
}

/** The staff member of a support session cookie, or null (missing, forged, expired, or no longer on staff). */
export function readSupportSession(value: string | undefined, now = Date.now()): string | null {
  const table = staffTable();
  if (!table || !value) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [name, exp, mac] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${name}.${exp}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(exp) || Number(exp) * 1000 <= now) return null;
  return table.has(name) ? name : null;
}

export const SUPPORT_SESSION_MAX_AGE = SESSION_SECONDS;

/** The audit actor and door user of a staff member: `support_<name>` (the door's id charset). */
export const supportActorId = (name: string) => `support_${name}`;
