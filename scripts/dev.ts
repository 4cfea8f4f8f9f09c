/**
 * `npm run dev`: the whole app from one command. Starts the embedded
 * PostgreSQL (unless DATABASE_URL is set), migrates, seeds demo data, then
 * runs Next on :3000 as brave_app. Ctrl-C stops everything.
 *
 *   --prod        next build && next start (used by the Playwright suite)
 *   --port N      HTTP port (default 3000)
 *   --data DIR    embedded database folder (default .data/pg)
 *   --fresh       start from an empty embedded database (the browser tests: counts they
 *                 assert must not depend on what an earlier run left behind)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabase } from './lib/database-urls';
import { destroyEmbeddedPostgres } from './lib/embedded-postgres';
import { ensureLocalAuth } from './lib/local-auth';
import { runMigrations } from '@/db/migrate';
import { installJobQueues } from '@/lib/jobs/install';
import { startLocalS3, type LocalS3 } from './lib/local-s3';
import { startWeatherFixture, type WeatherFixtureServer } from './lib/weather-fixture-server';
import { createDatabase } from '@/db/client';
import { seed } from '@/lib/demo/seed';

const { values: args } = parseArgs({
  options: {
    prod: { type: 'boolean', default: false },
    port: { type: 'string', default: '3000' },
    data: { type: 'string', default: '.data/pg' },
    fresh: { type: 'boolean', default: false },
  },
});

const log = (msg: string) => console.log(`\x1b[36m[brave]\x1b[0m ${msg}`);

if (args.fresh && !process.env.DATABASE_URL) await destroyEmbeddedPostgres(args.data);
const database = await resolveDatabase({ dataDir: args.data });
log(database.embedded ? `embedded PostgreSQL ready (${args.data})` : 'using DATABASE_URL');
if (!database.embedded && database.urls.owner) {
  await runMigrations(database.urls.owner);
  await installJobQueues(database.urls.owner);
}

// File storage: the embedded s3rver under .data/s3 (next to the database folder) unless S3_BUCKET names a real bucket.
let s3: LocalS3 | undefined;
if (!process.env.S3_BUCKET) {
  const dir = path.join(path.dirname(args.data), path.basename(args.data).replace(/pg/, 's3'));
  if (args.fresh) fs.rmSync(dir, { recursive: true, force: true });
  s3 = await startLocalS3({ dir, origins: ['*'] });
  log(`embedded S3 (s3rver) on ${s3.endpoint}`);
}

// Weather: a local Open-Meteo stand-in serving a recorded week (scripts/fixtures/open-meteo) unless WEATHER_API_URL names a provider.
let weather: WeatherFixtureServer | undefined;
if (!process.env.WEATHER_API_URL) {
  weather = await startWeatherFixture({ recorded: 'storm-030', shiftToToday: true });
  log(`weather fixture (Open-Meteo shaped) on ${weather.url}`);
}

const db = createDatabase(database.urls.app, { max: 2 });
const { created } = await seed(db);
await db.$pool.end();
if (created.length) log(`seeded demo organizations: ${created.join(', ')}`);

// The child must not inherit tsx's react-server resolution condition.
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(/--conditions[= ]react-server/g, '').trim(),
  DATABASE_URL: database.urls.app,
  DATABASE_PUBLIC_URL: database.urls.public,
  ...s3?.env,
  ...(weather ? { WEATHER_API_URL: weather.url } : {}),
  // The embedded default runs the background worker inside the app server (production: npm run worker).
  JOBS_IN_PROCESS: process.env.JOBS_IN_PROCESS ?? (database.embedded ? 'true' : 'false'),
  AUTH_MODE: process.env.AUTH_MODE ?? 'local',
  NEXT_TELEMETRY_DISABLED: '1',
  // Local identity mode (docs/auth.md): generated key pair + Clerk-shaped env; real Clerk keys otherwise.
  ...((process.env.AUTH_MODE ?? 'local') === 'local' ? ensureLocalAuth() : {}),
};
delete childEnv.DATABASE_OWNER_URL; // the app never holds owner credentials

const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');
if (args.prod) {
  log('building (next build)…');
  const built = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...childEnv, NODE_ENV: 'production' } });
  if (built.status !== 0) {
    await s3?.stop();
    await weather?.stop();
    await database.stop();
    process.exit(built.status ?? 1);
  }
}
const next = spawn(process.execPath, [nextBin, args.prod ? 'start' : 'dev', '-p', args.port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: args.prod ? { ...childEnv, NODE_ENV: 'production' } : childEnv,
});
log(`app on http://localhost:${args.port}`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill('SIGTERM');
  await s3?.stop();
  await weather?.stop();
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
next.on('exit', (code) => void shutdown(code ?? 0));
