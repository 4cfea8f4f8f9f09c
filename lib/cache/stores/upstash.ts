import { Redis } from '@upstash/redis';
import { freshGeneration, type CacheStore } from '../store';

/** The client both the cache and the rate limits use: no retries, a short timeout per call. */
export function upstashClient(opts: { url: string; token: string; timeoutMs: number }): Redis {
  return new Redis({
    url: opts.url,
    token: opts.token,
    // Our values are superjson text: keep them strings (the default would JSON.parse them).
    automaticDeserialization: false,
    // A Redis that is down must cost one short wait, not five retries with backoff.
    retry: false,
    // A function: a fresh timeout per call (a single AbortSignal would fire once for all).
    signal: () => AbortSignal.timeout(opts.timeoutMs),
    enableTelemetry: false,
    readYourWrites: false,
  });
}

/**
 * The generation, then the value under it, in one script: a cache hit is one
 * REST call. (Not a pipeline: the value's key depends on the generation.) The
 * value key shares the tenant's `t:{orgId}:` prefix with the declared key.
 */
const READ_SCRIPT = `local g = redis.call('GET', KEYS[1])
if not g then return {false, false} end
return {g, redis.call('GET', ARGV[1] .. g .. ARGV[2])}`;

/** Upstash Redis over REST (@upstash/redis). */
export function upstashStore(redis: Redis): CacheStore {
  const readScript = redis.createScript<[string | null, string | null]>(READ_SCRIPT);
  return {
    kind: 'upstash',
    async get(key) {
      const v = await redis.get<string>(key);
      return v ?? null;
    },
    async set(key, value, ttlSeconds) {
      await redis.set(key, value, { ex: ttlSeconds });
    },
    async del(key) {
      await redis.del(key);
    },
    async generation(genKey) {
      const g = await redis.get<string>(genKey);
      if (g !== null && g !== undefined) return Number(g);
      // First use: start at now (NX: another server may have just done it), then read back.
      const p = redis.pipeline();
      p.set(genKey, String(freshGeneration()), { nx: true });
      p.get(genKey);
      const [, value] = await p.exec<[unknown, string]>();
      return Number(value);
    },
    async read(genKey, prefix, suffix) {
      const [g, value] = await readScript.exec([genKey], [prefix, suffix]);
      return { generation: g === null || g === undefined ? null : Number(g), value: value ?? null };
    },
    async bump(genKey) {
      // The one command that invalidates a tenant. (A missing key becomes 1: no value can exist under
      // a generation that was never read, and generation keys carry no TTL, so they don't expire.)
      return redis.incr(genKey);
    },
    purge: (prefix) => purgeKeys(redis, prefix),
  };
}

/** SCAN MATCH `prefix*` and DEL each page (never KEYS: it blocks the server). `prefix` holds no glob characters. */
export async function purgeKeys(redis: Redis, prefix: string): Promise<number> {
  if (/[*?[\]\\]/.test(prefix)) throw new Error(`not a literal key prefix: ${prefix}`);
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, { match: `${prefix}*`, count: 500 });
    cursor = String(next);
    if (keys.length) n += await redis.del(...keys);
  } while (cursor !== '0');
  return n;
}
