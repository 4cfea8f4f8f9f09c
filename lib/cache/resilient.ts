import type { CacheStore } from './store';

/**
 * A backend that can be down. A failed or timed-out call never fails the
 * request: reads miss, writes are skipped, and for `breakMs` after a failure
 * the backend isn't even tried (no request pays the timeout twice in a row).
 * One line is logged per `logEveryMs`, not one per request.
 *
 * An invalidation (bump) that could not be sent is remembered and sent again
 * as soon as the backend answers, so a tenant changed during an outage does
 * not get its old values back afterwards (until then every read misses anyway).
 */
export interface ResilientStore extends CacheStore {
  /** false while the breaker is open. */
  healthy(): boolean;
}

export function resilient(
  store: CacheStore,
  opts: { breakMs?: number; logEveryMs?: number; log?: (line: string) => void; now?: () => number } = {},
): ResilientStore {
  const breakMs = opts.breakMs ?? 2_000;
  const logEveryMs = opts.logEveryMs ?? 30_000;
  const log = opts.log ?? ((line: string) => console.warn(line));
  const now = opts.now ?? (() => Date.now());
  let downUntil = 0;
  let lastLog = -Infinity;
  let suppressed = 0;
  const pendingBumps = new Set<string>();

  function failed(op: string, error: unknown) {
    downUntil = now() + breakMs;
    if (now() - lastLog >= logEveryMs) {
      const more = suppressed ? ` (${suppressed} more failures since the last report)` : '';
      log(`[cache] ${store.kind} unavailable on ${op}: ${(error as Error)?.message ?? error}; bypassing the cache${more}`);
      lastLog = now();
      suppressed = 0;
    } else {
      suppressed++;
    }
  }

  async function replay() {
    for (const genKey of [...pendingBumps]) {
      pendingBumps.delete(genKey);
      await store.bump(genKey).catch((e: unknown) => {
        pendingBumps.add(genKey);
        throw e;
      });
    }
  }

  async function attempt<T>(op: string, fn: () => Promise<T>, fallback: T): Promise<T> {
    if (now() < downUntil) return fallback;
    try {
      if (pendingBumps.size) await replay();
      return await fn();
    } catch (error) {
      failed(op, error);
      return fallback;
    }
  }

  return {
    kind: store.kind,
    healthy: () => now() >= downUntil,
    get: (key) => attempt('get', () => store.get(key), null),
    set: (key, value, ttl) => attempt('set', () => store.set(key, value, ttl), undefined),
    del: (key) => attempt('del', () => store.del(key), undefined),
    // NaN: "no generation" — the caller treats it as a miss and stores nothing.
    generation: (genKey) => attempt('generation', () => store.generation(genKey), Number.NaN),
    // generation NaN: unavailable — a miss that stores nothing.
    read: (genKey, prefix, suffix) => attempt('read', () => store.read(genKey, prefix, suffix), { generation: Number.NaN, value: null }),
    async bump(genKey) {
      const g = await attempt('bump', () => store.bump(genKey), Number.NaN);
      if (Number.isNaN(g)) pendingBumps.add(genKey);
      return g;
    },
    // No fallback: a purge that did not happen must fail its deletion job, which then retries.
    purge: (prefix) => store.purge(prefix),
  };
}
