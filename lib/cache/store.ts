/**
 * What a cache backend does (lib/cache/stores/*). Only lib/cache/ uses this:
 * app code gets a tenant-bound cache from tenantCache(ctx) and never names a
 * raw key (ESLint `brave/cache-door`).
 */
export interface CacheStore {
  readonly kind: 'memory' | 'upstash';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  /**
   * A tenant's generation. When the key is missing (never set, or evicted by
   * an in-memory LRU) it starts at `now × 1000`, larger than any generation it
   * had before, so values of an earlier life can never be addressed again.
   * In Redis generation keys have no TTL (values do): a `volatile-*` eviction
   * policy, or none (Upstash's default), never evicts them.
   */
  generation(genKey: string): Promise<number>;
  /**
   * The generation and the value at `prefix + generation + suffix`, in one round trip
   * (a hit costs one call, not two). `null` generation: none yet (call `generation()`).
   */
  read(genKey: string, prefix: string, suffix: string): Promise<{ generation: number | null; value: string | null }>;
  /** One INCR: every value of the tenant is unreachable at once. */
  bump(genKey: string): Promise<number>;
  /**
   * Delete every key that starts with `prefix` (SCAN + DEL in pages); how many went. Only for an
   * organization's deletion (docs/deletion.md): invalidation is `bump`, never a scan. Throws
   * when the backend fails, so the deletion job retries instead of leaving keys behind.
   */
  purge(prefix: string): Promise<number>;
}

export const freshGeneration = () => Date.now() * 1000;
