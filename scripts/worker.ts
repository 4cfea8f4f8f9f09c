/**
 * `npm run worker`: the background worker as its own process (production).
 * Connects as brave_app (DATABASE_URL); the queues were installed by
 * `npm run db:migrate`. Needs the same S3_* settings as the app.
 */
import { env } from '@/lib/env';
import { startWorker } from '@/lib/jobs/worker';

if (!env.DATABASE_URL) throw new Error('Set DATABASE_URL (the brave_app role) to run the worker.');
const worker = await startWorker(env.DATABASE_URL);
console.log('[worker] started');
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
