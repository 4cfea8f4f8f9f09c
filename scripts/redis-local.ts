/**
 * `npm run redis:local`: a real Redis for trying the Upstash backend locally —
 * redis-server plus the Upstash-REST bridge (scripts/lib/upstash-bridge.ts).
 * Prints the two variables to give `npm run dev`; Ctrl-C stops both.
 */
import { startRedisServer } from './lib/redis-server';
import { startUpstashBridge } from './lib/upstash-bridge';

const redis = await startRedisServer();
const bridge = await startUpstashBridge({ redisUrl: redis.url, port: Number(process.argv[2] ?? 8079) });
console.log(`redis-server on ${redis.url}, Upstash REST bridge on ${bridge.url}. In another terminal:\n`);
console.log(`  UPSTASH_REDIS_REST_URL=${bridge.url} UPSTASH_REDIS_REST_TOKEN=${bridge.token} npm run dev\n`);
const shutdown = async () => {
  await bridge.close();
  await redis.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
