import 'server-only';
import type { Visitor } from './client-fingerprint';

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * THE seam for the public page's rate limits: per IP hash and per token hash,
 * wrong tokens included (they are limited before the lookup, so a guesser
 * pays for each guess). The shared limiter (per-IP / per-token sliding
 * windows on Redis) is being built in lib/ratelimit; until it lands this
 * admits every request, and docs/inspector-page.md says so.
 */
export async function checkInspectLimits(visitor: Visitor, tokenHash: string): Promise<LimitDecision> {
  void visitor;
  void tokenHash;
  return { ok: true };
}
