/**
 * A real Redis for one test file: Debian's redis-server behind the
 * Upstash-REST bridge (scripts/lib/upstash-bridge.ts), and an @upstash/redis
 * client configured exactly as the app's (lib/cache/stores/upstash.ts).
 */
import Redis from 'ioredis';
import { startRedisServer, type RedisServer } from '@/scripts/lib/redis-server';
import { startUpstashBridge, type UpstashBridge } from '@/scripts/lib/upstash-bridge';

export interface TestRedis {
  server: RedisServer;
  bridge: UpstashBridge;
  /** Direct RESP access to the server, to look behind the REST API (keys, command stats). */
  direct: Redis;
  close(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const server = await startRedisServer();
  const bridge = await startUpstashBridge({ redisUrl: server.url });
  const direct = new Redis(server.url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => 100 });
  direct.on('error', () => {});
  return {
    server,
    bridge,
    direct,
    async close() {
      direct.disconnect();
      await bridge.close();
      await server.stop();
    },
  };
}

/** Calls per command since the last `CONFIG RESETSTAT` (INFO commandstats). */
export async function commandCounts(direct: Redis): Promise<Record<string, number>> {
  const info = await direct.info('commandstats');
  const out: Record<string, number> = {};
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[m[1]!] = Number(m[2]);
  for (const k of Object.keys(out)) if (k === 'info' || k.startsWith('config')) delete out[k];
  return out;
}

/** After a restart: until the direct connection has reconnected. */
export async function reconnected(direct: Redis): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (direct.status === 'ready' && (await direct.ping().catch(() => '')) === 'PONG') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis did not come back');
}
