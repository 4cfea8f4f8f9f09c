/**
 * `--profile-seconds N`: restart `next start` under V8's `--cpu-prof`, load
 * one URL alone for N s (the API route in (d), the largest dashboard in (j)), and summarize where the server's CPU went
 * (lib/cpuprofile.ts). A failure is logged; the measurements before it stand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stop, waitFor } from './app-server';
import { summarizeProfile, type ProfileSummary } from './cpuprofile';
import { alternate } from './load';

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
    o.log(`profiling next start on ${new URL(o.url).pathname} for ${o.profileSeconds} s (--cpu-prof)…`);
    // --cpu-prof is refused in NODE_OPTIONS (exit 9): a flag of the node command itself.
    next = spawn(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'node_modules/next/dist/bin/next', 'start', '-p', String(o.port), '-H', '127.0.0.1'],
      { cwd: o.buildDir, env: o.env, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    await waitFor(`${new URL(o.url).origin}/api/health`, next, 60_000);
    const [lr] = await alternate(
      [{ name: 'profiled', url: o.url, headers: { cookie: o.cookie, accept: o.accept ?? 'application/json' } }],
      {
        connections: o.connections,
        seconds: o.profileSeconds,
        sliceSeconds: o.profileSeconds,
        warmupSeconds: o.warmupSeconds,
      },
    );
    await stop(next);
    // The biggest profile is the server's (a CLI parent, if any, writes a small one).
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(dir, f))
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
    if (files[0]) return { ...summarizeProfile(files[0], lr!.requests), file: files[0] };
    o.log('no .cpuprofile was written (the server did not exit cleanly)');
  } catch (e) {
    o.log(`profile failed: ${(e as Error).message}`);
  } finally {
    await stop(next);
  }
  return undefined;
}
