/**
 * The app under test, built and started the way `next start` runs in
 * production: a snapshot (HEAD by default) copied into a folder of its own
 * under the OS temp dir, so the bench never writes the shared `.next` and
 * never builds somebody's half-written file; node_modules is hard-linked
 * (Turbopack refuses a symlinked one outside its root). Plus the small HTTP
 * helpers every section that starts a server uses.
 */
import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface BuildOptions {
  /** 'head' (a snapshot of the last commit) or 'worktree' (tracked + untracked files as they are now). */
  source: 'head' | 'worktree';
  rebuild: boolean;
  /** With source 'head': build this commit instead of HEAD. */
  commit?: string;
  log: (line: string) => void;
}

export interface Build {
  source: string;
  commit: string;
  seconds: number;
  reused: boolean;
  dir: string;
}

function git(args: string[]) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** Paths whose changes cannot change the built app (nothing under them is imported by app code). */
const NOT_APP = /^(bench|e2e|docs|tests|test-results|\.github)\/|\.md$|\.(test|spec)\.tsx?$/;

/**
 * The build's cache key for `head`: a hash of HEAD's tree without NOT_APP, so a commit that only touches the
 * bench, tests or docs (a bench fix, this report) reuses the build instead of paying minutes of `next build`.
 */
function appTreeKey(rev: string): string {
  const tree = git(['ls-tree', '-r', rev])
    .split('\n')
    .filter((l) => !NOT_APP.test(l.split('\t')[1] ?? ''))
    .join('\n');
  return createHash('sha1').update(tree).digest('hex').slice(0, 10);
}

function appDir(o: BuildOptions, rev: string): string {
  return path.join(
    os.tmpdir(),
    `brave-bench-app-${o.source === 'head' ? `tree-${appTreeKey(rev)}` : `worktree-${process.pid}`}`,
  );
}

/** Copy the app's sources into a private folder and `next build` there; reused while the app's files are the same. */
export function buildApp(o: BuildOptions, auth: Record<string, string>): Build {
  // Resolved once: other engineers commit while this builds, and the server must start from this build.
  const commit = git(['rev-parse', '--short', o.commit ?? 'HEAD']);
  const dir = appDir(o, commit);
  const began = Date.now();
  if (!o.rebuild && o.source === 'head' && fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    return { source: o.source, commit, seconds: 0, reused: true, dir };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (o.source === 'head') {
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C '${dir}'`], { cwd: ROOT });
  } else {
    const files = git(['ls-files', '-co', '--exclude-standard', '-z']).split('\0').filter(Boolean);
    for (const f of files) {
      if (!fs.existsSync(path.join(ROOT, f))) continue;
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    }
  }
  let webpack = false;
  try {
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  } catch {
    // Another filesystem: no hard links. Webpack follows a symlinked node_modules; Turbopack does not.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    webpack = true;
  }
  o.log(
    `building the app (${o.source === 'head' ? `commit ${commit}` : 'working tree'}) in ${dir}${webpack ? ' with webpack' : ''}…`,
  );
  const r = spawnSync(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'build', ...(webpack ? ['--webpack'] : [])],
    {
      cwd: dir,
      // The auth env too (as `npm run dev -- --prod` builds): instrumentation.ts refuses to start without an
      // auth mode, and `next build` runs it in its page-data workers.
      env: { ...cleanEnv(), ...auth, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) {
    const tail = (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => l.trim())
      .slice(-30);
    throw new Error(`next build failed: ${tail.slice(-3).join(' | ')}\n${tail.join('\n')}`);
  }
  return { source: o.source, commit, seconds: (Date.now() - began) / 1000, reused: false, dir };
}

/** The child must not inherit tsx's react-server condition (as in scripts/dev.ts). */
export function cleanEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(/--conditions[= ]react-server/g, '').trim(),
  };
}

export function appEnv(auth: Record<string, string>, o: { appUrl: string; publicUrl: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    ...auth,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: o.appUrl,
    DATABASE_PUBLIC_URL: o.publicUrl,
    // The load is one org (and one IP) on purpose: the rate limits (lib/ratelimit) would answer 429s.
    RATE_LIMITS: 'off',
  };
  delete env.DATABASE_OWNER_URL; // the app never holds owner credentials
  // The token's azp is the origin the bench talks to; an inherited allow-list would reject it.
  delete env.APP_ORIGINS;
  delete env.APP_ROOT_DOMAIN;
  return env;
}

export async function waitFor(url: string, child: ChildProcess, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(url, (res) => {
          res.resume();
          resolve((res.statusCode ?? 500) < 500);
        })
        .on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up in ${ms} ms`);
}

export function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

export function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Mean ms of `fn` over `n` calls after a warm-up of n/5. */
