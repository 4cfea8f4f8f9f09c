import 'server-only';
import { limitPublicRequest } from '@/lib/ratelimit/public';
import type { Visitor } from './client-fingerprint';

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * The public page's rate limits: per IP hash and per token hash, wrong tokens
 * included (checked before the lookup, so a guesser pays for each guess).
 * Only hashes reach the limiter's keys: no IP address or token is stored in
 * Redis. Repeated wrong tokens become a security event in record-visit.ts,
 * where the miss is counted; a limited request does no lookup at all.
 */
export async function checkInspectLimits(visitor: Visitor, tokenHash: string): Promise<LimitDecision> {
  const gate = await limitPublicRequest({ ip: visitor.ipHash, token: tokenHash });
  return gate.ok ? gate : { ok: false, retryAfterSeconds: gate.retryAfterSeconds };
}
