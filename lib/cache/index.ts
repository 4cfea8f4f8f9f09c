import 'server-only';
import { env } from '@/lib/env';
import { resilient, type ResilientStore } from './resilient';
import { memoryStore } from './stores/memory';
import { upstashClient, upstashStore } from './stores/upstash';
import { bindTenantCache, type CacheTenant, type TenantCache } from './tenant-cache';

export type { CacheTenant, TenantCache } from './tenant-cache';

/**
 * The process's cache backend: Upstash Redis when UPSTASH_REDIS_REST_URL and
 * _TOKEN are set, the in-process LRU otherwise, none with CACHE=off. Kept on
 * globalThis so proxy.ts and the app (separate module graphs under
 * `next start`) share one in-memory store and see the same invalidations.
 */
const globals = globalThis as unknown as { __braveCache?: { store: ResilientStore | null } };

function cacheBackend(): ResilientStore | null {
  if (!globals.__braveCache) {
    globals.__braveCache = { store: createBackend() };
  }
  return globals.__braveCache.store;
}

function createBackend(): ResilientStore | null {
  if (env.CACHE === 'off') return null;
  const url = env.UPSTASH_REDIS_REST_URL;
  const token = env.UPSTASH_REDIS_REST_TOKEN;
  if (!url !== !token) throw new Error('Set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither (docs/cache.md).');
  if (url && token) return resilient(upstashStore(upstashClient({ url, token, timeoutMs: env.CACHE_TIMEOUT_MS })));
  return resilient(memoryStore());
}

/** The cache of the requester's organization (see tenant-cache.ts). */
export function tenantCache(ctx: CacheTenant): TenantCache {
  return bindTenantCache(cacheBackend(), ctx);
}

/**
 * Every cache key of an organization being deleted: its values and its generation
 * (`t:{orgId}:…`, tenant-cache.ts). Nothing to do with the cache off.
 */
export async function purgeTenantCache(orgId: string): Promise<number> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(orgId)) throw new Error('purgeTenantCache: not an org id');
  const store = cacheBackend();
  return store ? store.purge(`t:${orgId}:`) : 0;
}
