import type { RateDecision } from './types';

/**
 * The in-process equivalent of @upstash/ratelimit's slidingWindow(tokens,
 * window): the current fixed window's count plus the previous window's,
 * weighted by how much of it still overlaps the sliding window. Used when
 * Upstash is not configured (one server), and as the per-instance fallback of
 * the limiters that fail "local" (lib/ratelimit/policies.ts).
 */
export function memorySlidingWindow(tokens: number, windowMs: number, now: () => number = () => Date.now()) {
  const windows = new Map<string, { start: number; current: number; previous: number }>();
  let sweepAt = now() + windowMs * 2;

  function sweep(t: number) {
    if (t < sweepAt) return;
    sweepAt = t + windowMs * 2;
    for (const [k, w] of windows) if (t - w.start >= windowMs * 2) windows.delete(k);
  }

  return {
    async limit(identifier: string): Promise<RateDecision> {
      const t = now();
      sweep(t);
      const start = Math.floor(t / windowMs) * windowMs;
      let w = windows.get(identifier);
      if (!w || w.start !== start) {
        const previous = w && w.start === start - windowMs ? w.current : 0;
        w = { start, current: 0, previous };
        windows.set(identifier, w);
      }
      const overlap = 1 - (t - start) / windowMs;
      const used = Math.floor(w.previous * overlap) + w.current;
      const reset = start + windowMs;
      if (used >= tokens) return { success: false, limit: tokens, remaining: 0, reset };
      w.current++;
      return { success: true, limit: tokens, remaining: Math.max(0, tokens - used - 1), reset };
    },
    async purge(identifier: string) {
      for (const key of [...windows.keys()]) if (key === identifier || key.startsWith(`${identifier}:`)) windows.delete(key);
    },
  };
}
