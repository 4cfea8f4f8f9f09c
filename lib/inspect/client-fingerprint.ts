import 'server-only';
import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

const DEV_KEY = 'brave-forms-development-ip-hash-key-not-secret';

export interface Visitor {
  /** HMAC-SHA256 (hex) of the client IP: the same IP gives the same hash, the hash gives no IP. */
  ipHash: string;
  userAgent: string | null;
}

/**
 * Who is looking, as far as the public page records it. The IP is the first
 * x-forwarded-for hop (the load balancer sets it), like the audit trail's
 * (lib/audit/actor.ts); only its keyed hash is kept.
 */
export function visitorFrom(headers: Headers): Visitor {
  const ip =
    headers.get('x-forwarded-for')?.split(',')[0]?.trim().slice(0, 64) ||
    headers.get('x-real-ip')?.slice(0, 64) ||
    'unknown';
  const ipHash = createHmac('sha256', publicKeyMaterial())
    .update(ip)
    .digest('hex');
  return { ipHash, userAgent: headers.get('user-agent')?.slice(0, 300) ?? null };
}

/**
 * The public page's server secret: IP_HASH_SECRET, else the development key.
 * Each use derives its own key from it (the file seals: lib/inspect/file-seal.ts).
 */
export function publicKeyMaterial(): string {
  return env.IP_HASH_SECRET ?? DEV_KEY;
}
