import { LRUCache } from 'lru-cache';
import { freshGeneration, type CacheStore } from '../store';

/**
 * The embedded default: an in-process LRU with TTL (lru-cache). Right for one
 * server; with several, each has its own copy and a webhook's invalidation
 * reaches only the server that received it — set UPSTASH_REDIS_REST_URL there
 * (docs/cache.md).
 */
export function memoryStore(opts: { maxEntries?: number; maxBytes?: number } = {}): CacheStore {
  const values = new LRUCache<string, string>({
    max: opts.maxEntries ?? 20_000,
    maxSize: opts.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (v, k) => v.length + k.length,
    ttlAutopurge: false,
  });
  // Generations are tiny; an evicted one restarts at now (see CacheStore.generation), so a bound is safe.
  const generations = new LRUCache<string, number>({ max: 100_000 });
  const current = (genKey: string) => {
    let g = generations.get(genKey);
    if (g === undefined) {
      g = freshGeneration();
      generations.set(genKey, g);
    }
    return g;
  };
  return {
    kind: 'memory',
    async get(key) {
      return values.get(key) ?? null;
    },
    async set(key, value, ttlSeconds) {
      values.set(key, value, { ttl: ttlSeconds * 1000 });
    },
    async del(key) {
      values.delete(key);
    },
    async generation(genKey) {
      return current(genKey);
    },
    async read(genKey, prefix, suffix) {
      const generation = generations.get(genKey) ?? null;
      return { generation, value: generation === null ? null : (values.get(`${prefix}${generation}${suffix}`) ?? null) };
    },
    async bump(genKey) {
      const g = current(genKey) + 1;
      generations.set(genKey, g);
      return g;
    },
    async purge(prefix) {
      let n = 0;
      for (const map of [values, generations] as LRUCache<string, string | number>[]) {
        for (const key of [...map.keys()]) if (key.startsWith(prefix) && map.delete(key)) n++;
      }
      return n;
    },
  };
}
