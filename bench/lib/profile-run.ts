/**
 * `--profile-seconds N`: restart `next start` with V8's sampling profiler
 * preloaded (profile-preload.mjs), warm it up, profile N s of load on one URL
 * alone (the API route in (d), the largest dashboard in (j)), and summarize
 * where the server's CPU went (lib/cpuprofile.ts). The profiler runs only
 * while the counted requests run, so start-up and warm-up are not charged to
 * them. A failure is logged; the measurements before it stand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stop, waitFor } from './app-server';
import { summarizeProfile, type ProfileSummary } from './cpuprofile';
import { alternate, type LoadTarget } from './load';

const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'profile-preload.mjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function profileRoute(o: {
  buildDir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  url: string;
  cookie: string;
  /** What the load asks for (default JSON: an API route; text/html for a page). */
  accept?: string;
  connections: number;
  profileSeconds: number;
  warmupSeconds: number;
  /** Stops the server that holds the port now. */
  stop: () => Promise<void>;
  log: (line: string) => void;
}): Promise<(ProfileSummary & { file: string }) | undefined> {
  let next: ChildProcess | undefined;
  try {
    await o.stop();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brave-bench-prof-'));
    o.log(`profiling next start on ${new URL(o.url).pathname} for ${o.profileSeconds} s after ${o.warmupSeconds} s of warm-up…`);
    // detached: its own process group, so the signals reach the server whichever process of `next start` serves.
    next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(o.port), '-H', '127.0.0.1'], {
      cwd: o.buildDir,
      env: { ...o.env, NODE_OPTIONS: `${o.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(PRELOAD).href}`.trim(), BENCH_PROFILE_DIR: dir },
      stdio: ['ignore', 'ignore', 'ignore'],
      detached: true,
    });
    await waitFor(`${new URL(o.url).origin}/api/health`, next, 60_000);
    const target: LoadTarget = { name: 'profiled', url: o.url, headers: { cookie: o.cookie, accept: o.accept ?? 'application/json' } };
    const load = (seconds: number) => alternate([target], { connections: o.connections, seconds, sliceSeconds: seconds, warmupSeconds: 0 });
    await load(o.warmupSeconds);
    process.kill(-next.pid!, 'SIGUSR2');
    await sleep(200);
    const [lr] = await load(o.profileSeconds);
    process.kill(-next.pid!, 'SIGUSR2');
    const file = await profileWritten(dir, 30_000);
    await stop(next);
    if (file) return { ...summarizeProfile(file, lr!.requests), file };
    o.log('no .cpuprofile was written within 30 s of the stop signal');
  } catch (e) {
    o.log(`profile failed: ${(e as Error).message}`);
  } finally {
    await stop(next);
  }
  return undefined;
}

/** The biggest profile in `dir` once one is complete (a CLI parent, if any, writes a small one of its own). */
async function profileWritten(dir: string, timeoutMs: number): Promise<string | undefined> {
  const profiles = () =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(dir, f))
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  const complete = (file: string) => {
    try {
      JSON.parse(fs.readFileSync(file, 'utf8'));
      return true;
    } catch {
      return false; // still being written
    }
  };
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    await sleep(250);
    if (!profiles().some(complete)) continue;
    await sleep(1000); // the server's, the big one, may still be on its way
    const biggest = profiles()[0];
    if (biggest && complete(biggest)) return biggest;
  }
  return undefined;
}
