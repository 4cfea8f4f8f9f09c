/**
 * The cache contract, run against both backends: the in-process LRU and
 * Upstash (@upstash/redis through the REST bridge on a real redis-server).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandCounts, reconnected, startTestRedis, type TestRedis } from '@/tests/support/redis';
import { resilient } from './resilient';
import type { CacheStore } from './store';
import { memoryStore } from './stores/memory';
import { upstashClient, upstashStore } from './stores/upstash';
import { bindTenantCache, generationKey, type CacheTenant } from './tenant-cache';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(() => redis?.close());

const A: CacheTenant = { orgId: 'org_cache_a', userId: 'user_a' };
const B: CacheTenant = { orgId: 'org_cache_b', userId: 'user_b' };

const backends: { name: string; make: () => CacheStore }[] = [
  { name: 'memory', make: () => memoryStore() },
  { name: 'upstash', make: () => upstashStore(upstashClient({ url: redis.bridge.url, token: redis.bridge.token, timeoutMs: 1_000 })) },
];

describe.each(backends)('cache contract: $name', ({ name, make }) => {
  let store: CacheStore;
  beforeAll(() => {
    store = make();
  });
  const tag = () => `k-${Math.random().toString(36).slice(2)}`;

  it('round-trips dates, bigints, nested values, undefined fields; a miss is undefined', async () => {
    const c = bindTenantCache(store, A);
    const key = tag();
    expect(await c.get(key)).toBeUndefined();
    const value = { at: new Date('2026-03-01T12:34:56.789Z'), big: 2n ** 70n, list: [1, 'two', null], nested: { x: new Date(0) }, none: undefined };
    await c.set(key, value, 60);
    const back = await c.get<typeof value>(key);
    expect(back).toEqual(value);
    expect(back!.at).toBeInstanceOf(Date);
    expect(typeof back!.big).toBe('bigint');
  });

  it('stores under t:{orgId}:g{generation}:{key}', async () => {
    const c = bindTenantCache(store, A);
    const key = tag();
    await c.set(key, 1, 60);
    const g = await store.generation(generationKey(A.orgId));
    expect(await store.get(`t:${A.orgId}:g${g}:${key}`)).not.toBeNull();
    if (name === 'upstash') expect(await redis.direct.exists(`t:${A.orgId}:g${g}:${key}`)).toBe(1);
  });

  it("org A's value is never returned to org B, even when B asks for the same key", async () => {
    const key = tag();
    await bindTenantCache(store, A).set(key, 'secret of A', 60);
    expect(await bindTenantCache(store, B).get(key)).toBeUndefined();
    const fill = vi.fn(async () => 'B');
    expect(await bindTenantCache(store, B).getOrSet(key, 60, fill)).toBe('B');
    expect(fill).toHaveBeenCalledOnce();
    expect(await bindTenantCache(store, A).get(key)).toBe('secret of A');
  });

  it("a value planted under B's key with A's org inside is refused (the envelope check)", async () => {
    const key = tag();
    await bindTenantCache(store, A).set(key, 'of A', 60);
    const gA = await store.generation(generationKey(A.orgId));
    const gB = await store.generation(generationKey(B.orgId));
    const planted = await store.get(`t:${A.orgId}:g${gA}:${key}`);
    await store.set(`t:${B.orgId}:g${gB}:${key}`, planted!, 60);
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await bindTenantCache(store, B).get(key)).toBeUndefined();
    expect(err).toHaveBeenCalledOnce();
    err.mockRestore();
  });

  it('getOrSet fills once, then serves the stored value', async () => {
    const c = bindTenantCache(store, A);
    const key = tag();
    const fill = vi.fn(async () => ({ n: 1, when: new Date(5) }));
    await c.getOrSet(key, 60, fill);
    expect(await c.getOrSet(key, 60, fill)).toEqual({ n: 1, when: new Date(5) });
    expect(fill).toHaveBeenCalledOnce();
  });

  it('invalidate(): every value of the tenant is gone, other tenants keep theirs', async () => {
    const a = bindTenantCache(store, A);
    const b = bindTenantCache(store, B);
    const k1 = tag();
    const k2 = tag();
    await a.set(k1, 1, 60);
    await a.set(k2, 2, 60);
    await b.set(k1, 3, 60);
    await a.invalidate();
    expect(await a.get(k1)).toBeUndefined();
    expect(await a.get(k2)).toBeUndefined();
    expect(await b.get(k1)).toBe(3);
  });

  it('a value filled while the tenant was invalidated is never served', async () => {
    const c = bindTenantCache(store, A);
    const key = tag();
    const value = await c.getOrSet(key, 60, async () => {
      await c.invalidate(); // a write commits while this fill still reads the old data
      return 'stale';
    });
    expect(value).toBe('stale'); // this request gets what it read…
    expect(await c.get(key)).toBeUndefined(); // …nobody after it does
  });

  it('values expire after their TTL', async () => {
    const c = bindTenantCache(store, A);
    const key = tag();
    await c.set(key, 'brief', 1);
    expect(await c.get(key)).toBe('brief');
    await new Promise((r) => setTimeout(r, 1_150));
    expect(await c.get(key)).toBeUndefined();
  });

  it('no cache call without an org: refused at runtime (and at compile time, below)', async () => {
    const bad: unknown[] = [undefined, null, {}, { orgId: '' }, { orgId: 'org_a' }, { orgId: 'org a', userId: 'u' }, { orgId: 'org_a', userId: '' }, 'org_a'];
    for (const scope of bad) expect(() => bindTenantCache(store, scope as CacheTenant)).toThrow(/TenantContext/);
    await expect(bindTenantCache(store, A).get('../../other')).rejects.toThrow(/not a cache key/);
    // @ts-expect-error — a bare org id is not a TenantContext
    expect(() => bindTenantCache(store, 'org_a')).toThrow();
    // @ts-expect-error — neither is an object without the user
    expect(() => bindTenantCache(store, { orgId: 'org_a' })).toThrow();
  });
});

describe('tenant invalidation is one command', () => {
  it('upstash: exactly one INCR reaches Redis, no KEYS, no SCAN', async () => {
    const store = upstashStore(upstashClient({ url: redis.bridge.url, token: redis.bridge.token, timeoutMs: 1_000 }));
    const c = bindTenantCache(store, A);
    for (let i = 0; i < 50; i++) await c.set(`many-${i}`, i, 60);
    await redis.direct.config('RESETSTAT');
    await c.invalidate();
    expect(await commandCounts(redis.direct)).toEqual({ incr: 1 });
    expect(await c.get('many-7')).toBeUndefined();
  });

  it('upstash: a hit is one round trip too (the generation and the value in one script)', async () => {
    const store = upstashStore(upstashClient({ url: redis.bridge.url, token: redis.bridge.token, timeoutMs: 1_000 }));
    const c = bindTenantCache(store, B);
    await c.set('hit', { n: 1 }, 60);
    expect(await c.get('hit')).toEqual({ n: 1 }); // loads the script
    await redis.direct.config('RESETSTAT');
    expect(await c.get('hit')).toEqual({ n: 1 });
    expect(await commandCounts(redis.direct)).toEqual({ evalsha: 1, get: 2 }); // one call in; the script's two GETs inside Redis
  });

  it('memory: one bump of the generation, nothing else', async () => {
    const inner = memoryStore();
    const calls: string[] = [];
    const counted = new Proxy(inner, {
      get: (t, p: keyof CacheStore) => (typeof t[p] === 'function' ? (...args: never[]) => (calls.push(String(p)), (t[p] as (...a: never[]) => unknown)(...args)) : t[p]),
    });
    const c = bindTenantCache(counted, A);
    await c.set('x', 1, 60);
    calls.length = 0;
    await c.invalidate();
    expect(calls).toEqual(['bump']);
  });
});

describe('failures: Redis down or slow ⇒ bypass, logged once per interval', () => {
  it('stopped mid-run: reads miss at once, fills still answer, one log line; back again after a restart, and an invalidation sent during the outage still applies', async () => {
    const log = vi.fn();
    const store = resilient(upstashStore(upstashClient({ url: redis.bridge.url, token: redis.bridge.token, timeoutMs: 300 })), { breakMs: 200, log });
    const c = bindTenantCache(store, A);
    await c.set('before', 'old', 60);
    expect(await c.get('before')).toBe('old');
    const g0 = await redis.direct.get(generationKey(A.orgId));
    const old = await redis.direct.get(`t:${A.orgId}:g${g0}:before`);

    await redis.server.stop();
    const began = Date.now();
    for (let i = 0; i < 40; i++) expect(await c.getOrSet('before', 60, async () => 'from the database')).toBe('from the database');
    await c.invalidate(); // a write during the outage: its INCR can't be sent
    expect(Date.now() - began).toBeLessThan(3_000);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/\[cache\] upstash unavailable/);

    await redis.server.restart();
    await reconnected(redis.direct);
    // This Redis kept no data; one that did (a network partition) would still hold the old value: restore it.
    await redis.direct.set(generationKey(A.orgId), g0!);
    await redis.direct.set(`t:${A.orgId}:g${g0}:before`, old!, 'EX', 60);
    await new Promise((r) => setTimeout(r, 250)); // the breaker's pause
    await c.set('after', 'new', 60);
    expect(await c.get('after')).toBe('new');
    expect(await c.get('before'), 'the invalidation of the outage was sent once Redis answered').toBeUndefined();
    expect(Number(await redis.direct.get(generationKey(A.orgId)))).toBe(Number(g0) + 1);
  });

  it('slow: a call over the timeout is abandoned and the request goes on', async () => {
    const log = vi.fn();
    const store = resilient(upstashStore(upstashClient({ url: redis.bridge.url, token: redis.bridge.token, timeoutMs: 100 })), { breakMs: 10_000, log });
    const c = bindTenantCache(store, B);
    redis.bridge.setDelay(2_000);
    try {
      const began = Date.now();
      expect(await c.getOrSet('slow', 60, async () => 'db')).toBe('db');
      expect(await c.getOrSet('slow', 60, async () => 'db')).toBe('db');
      expect(Date.now() - began).toBeLessThan(600);
      expect(log).toHaveBeenCalledTimes(1);
      expect(store.healthy()).toBe(false);
    } finally {
      redis.bridge.setDelay(0);
    }
  });

  it('negative control: without the resilient wrapper the outage would fail the request', async () => {
    const bare = upstashStore(upstashClient({ url: 'http://127.0.0.1:9', token: 't', timeoutMs: 100 }));
    await expect(bindTenantCache(bare, A).get('x')).rejects.toThrow();
  });
});
