import 'server-only';
import { Ratelimit } from '@upstash/ratelimit';
import { env } from '@/lib/env';
import { purgeKeys, upstashClient } from '@/lib/cache/stores/upstash';
import { memorySlidingWindow } from './memory-limiter';
import type { LimitPolicy } from './policies';
import type { Limiter, RateDecision } from './types';

/**
 * A named limiter for one policy: @upstash/ratelimit's sliding window when
 * Upstash is configured, the in-process equivalent otherwise. When Upstash
 * doesn't answer in time the policy's fail mode decides (policies.ts).
 */
export function createLimiter(name: string, policy: LimitPolicy, backend: LimiterBackend = defaultBackend()): Limiter {
  const local = memorySlidingWindow(policy.tokens, policy.windowMs);
  if (backend.kind === 'memory') return { name, limit: (id) => local.limit(id), purge: (identifier) => local.purge(identifier) };

  const shared = new Ratelimit({
    redis: backend.redis,
    limiter: Ratelimit.slidingWindow(policy.tokens, `${policy.windowMs} ms`),
    prefix: `rl:${name}`,
    timeout: backend.timeoutMs,
    analytics: false,
    // Identifiers already over the limit are refused from memory until their reset: no Redis call.
    ephemeralCache: new Map(),
  });
  const degraded = async (id: string, why: unknown): Promise<RateDecision> => {
    backend.report(name, why);
    if (policy.failMode === 'open') return { success: true, limit: policy.tokens, remaining: policy.tokens, reset: Date.now() + policy.windowMs, degraded: 'open' };
    return { ...(await local.limit(id)), degraded: 'local' };
  };
  return {
    name,
    async limit(id) {
      try {
        const r = await shared.limit(id);
        if (r.reason === 'timeout') return degraded(id, new Error(`no answer within ${backend.timeoutMs} ms`));
        return { success: r.success, limit: r.limit, remaining: r.remaining, reset: r.reset };
      } catch (error) {
        return degraded(id, error);
      }
    },
    async purge(identifier) {
      // @upstash/ratelimit's sliding-window keys are `${prefix}:${identifier}:${window}`.
      await purgeKeys(backend.redis as Parameters<typeof purgeKeys>[0], `rl:${name}:${identifier}:`);
      await local.purge(identifier);
    },
  };
}

export type LimiterBackend =
  | { kind: 'memory' }
  | { kind: 'upstash'; redis: ConstructorParameters<typeof Ratelimit>[0]['redis']; timeoutMs: number; report: (limiter: string, error: unknown) => void };

/** One line per interval while Upstash is unreachable, not one per request. */
export function onceEvery(ms: number, log: (line: string) => void = (l) => console.warn(l)) {
  let last = -Infinity;
  let suppressed = 0;
  return (limiter: string, error: unknown) => {
    const now = Date.now();
    if (now - last < ms) {
      suppressed++;
      return;
    }
    log(`[ratelimit] ${limiter}: Upstash unavailable (${(error as Error)?.message ?? error}); applying its fail mode${suppressed ? ` (${suppressed} more since the last report)` : ''}`);
    last = now;
    suppressed = 0;
  };
}

function defaultBackend(): LimiterBackend {
  const url = env.UPSTASH_REDIS_REST_URL;
  const token = env.UPSTASH_REDIS_REST_TOKEN;
  if (!url || !token) return { kind: 'memory' };
  return {
    kind: 'upstash',
    redis: upstashClient({ url, token, timeoutMs: env.CACHE_TIMEOUT_MS }),
    timeoutMs: env.CACHE_TIMEOUT_MS,
    report: onceEvery(30_000),
  };
}
