import 'server-only';
import type { Visitor } from './client-fingerprint';

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * THE seam for the public page's rate limits: per IP hash and per token hash,
 * wrong tokens included (checked before the lookup, so a guesser pays for each
 * guess). The shared limiter is being built in lib/ratelimit (per-IP and
 * per-token windows on Upstash, an in-memory window when it is down); when it
 * lands this body becomes
 *   `const g = await limitPublicRequest({ ip: visitor.ipHash, token: tokenHash });`
 *   `return g.ok ? g : { ok: false, retryAfterSeconds: g.retryAfterSeconds };`
 * Until then it admits every request (docs/inspector-page.md says so).
 */
export async function checkInspectLimits(visitor: Visitor, tokenHash: string): Promise<LimitDecision> {
  void visitor;
  void tokenHash;
  return { ok: true };
}
