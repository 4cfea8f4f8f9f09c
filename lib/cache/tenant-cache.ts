import 'server-only';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { deserialize, serialize } from './serialize';
import type { CacheStore } from './store';

/**
 * The tenant-bound cache: the only way app code reaches a cache backend.
 *
 *   const counts = await tenantCache(ctx).getOrSet('dashboard', 60, () => withTenant(ctx, …));
 *
 * Every key is `t:{orgId}:g{generation}:{key}`, built here from the caller's
 * TenantContext (from auth(), like withTenant's scope) — never from a string
 * the caller assembled. `invalidate()` is one INCR of the tenant's generation:
 * all of its values become unreachable at once (no KEYS, no SCAN), and a value
 * being filled while a write commits lands under the old generation, unseen.
 * Each stored value also carries its org id, checked on read: a value of
 * another org is a miss (and an error in the log), whatever the key said.
 */
export type CacheTenant = Readonly<Pick<TenantContext, 'orgId' | 'userId'>>;

export interface TenantCache {
  readonly orgId: string;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** The cached value, or `fill()`'s result, stored for `ttlSeconds`. */
  getOrSet<T>(key: string, ttlSeconds: number, fill: () => Promise<T>): Promise<T>;
  delete(key: string): Promise<void>;
  /** Every value of this tenant, gone in one command. */
  invalidate(): Promise<void>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/;
const MAX_TTL_SECONDS = 3_600;

export const generationKey = (orgId: string) => `t:${orgId}:gen`;
const valueKey = (orgId: string, generation: number, key: string) => `t:${orgId}:g${generation}:${key}`;

interface Envelope {
  o: string;
  v: unknown;
}

function checkScope(scope: CacheTenant): string {
  if (!scope || typeof scope !== 'object' || typeof scope.orgId !== 'string' || !ID.test(scope.orgId)) {
    throw new Error('tenantCache needs the TenantContext of an organization (no cache call without an org)');
  }
  if (typeof scope.userId !== 'string' || !ID.test(scope.userId)) throw new Error('tenantCache needs a TenantContext with its user');
  return scope.orgId;
}

function checkKey(key: string) {
  if (typeof key !== 'string' || !KEY.test(key)) throw new Error(`not a cache key: ${JSON.stringify(key)}`);
}

function checkTtl(ttlSeconds: number) {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) throw new Error(`cache TTL must be 1..${MAX_TTL_SECONDS} s`);
}

/** A tenant cache over `store`; `null` store: the cache is off (every read misses, nothing is kept). */
export function bindTenantCache(store: CacheStore | null, scope: CacheTenant): TenantCache {
  const orgId = checkScope(scope);
  const genKey = generationKey(orgId);

  async function read<T>(key: string): Promise<{ hit: true; value: T } | { hit: false; generation: number }> {
    checkKey(key);
    if (!store) return { hit: false, generation: Number.NaN };
    const r = await store.read(genKey, `t:${orgId}:g`, `:${key}`);
    // No generation yet: start one (a miss either way); unavailable (NaN): a miss that stores nothing.
    const generation = r.generation === null ? await store.generation(genKey) : r.generation;
    if (!Number.isFinite(generation) || r.value === null) return { hit: false, generation };
    try {
      const env = deserialize<Envelope>(r.value);
      if (env.o !== orgId) {
        console.error(`[cache] refused a value of another organization under ${orgId}'s key ${key}`);
        return { hit: false, generation };
      }
      return { hit: true, value: env.v as T };
    } catch {
      return { hit: false, generation };
    }
  }

  async function write(generation: number, key: string, value: unknown, ttlSeconds: number) {
    checkTtl(ttlSeconds);
    if (!store || !Number.isFinite(generation)) return;
    await store.set(valueKey(orgId, generation, key), serialize({ o: orgId, v: value } satisfies Envelope), ttlSeconds);
  }

  return {
    orgId,
    async get<T>(key: string) {
      const r = await read<T>(key);
      return r.hit ? r.value : undefined;
    },
    async set(key, value, ttlSeconds) {
      checkKey(key);
      if (!store) return;
      await write(await store.generation(genKey), key, value, ttlSeconds);
    },
    async getOrSet<T>(key: string, ttlSeconds: number, fill: () => Promise<T>) {
      checkTtl(ttlSeconds);
      const r = await read<T>(key);
      if (r.hit) return r.value;
      const value = await fill();
      // The generation read before fill(): if a write bumped it meanwhile, this lands where nobody looks.
      await write(r.generation, key, value, ttlSeconds);
      return value;
    },
    async delete(key) {
      checkKey(key);
      if (!store) return;
      const generation = await store.generation(genKey);
      if (Number.isFinite(generation)) await store.del(valueKey(orgId, generation, key));
    },
    async invalidate() {
      if (store) await store.bump(genKey);
    },
  };
}
