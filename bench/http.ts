/**
 * (d) a tenant-scoped /api/v1 GET through `next start` vs a raw node:http +
 * postgres.js handler doing the same database work, and (e) the dashboard
 * page under load. The app is built from a snapshot (HEAD by default) in a
 * folder of its own under the OS temp dir, so the bench never writes the
 * shared `.next` and never builds somebody's half-written file; node_modules
 * is hard-linked (Turbopack refuses a symlinked one outside its root).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { importPKCS8 } from 'jose';
import { createDatabase } from '@/db/client';
import { seed } from '@/db/seed';
import { seedOrganizations, seedUsers } from '@/db/seed-data';
import { SESSION_COOKIE, CLIENT_UAT_COOKIE } from '@/lib/auth/local-keys';
import { sessionClaims, signSessionToken } from '@/lib/auth/session-token';
import { ensureLocalAuth } from '@/scripts/lib/local-auth';
import { alternate, type LoadResult } from './lib/load';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface HttpOptions {
  appUrl: string;
  publicUrl: string;
  superuserUrl: string;
  /** 'head' (a snapshot of the last commit) or 'worktree' (tracked + untracked files as they are now). */
  source: 'head' | 'worktree';
  rebuild: boolean;
  /** Route to load; the first of the candidates that answers 200 when not given. */
  route?: string;
  connections: number;
  seconds: number;
  sliceSeconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}

export interface HttpResult {
  build: { source: string; commit: string; seconds: number; reused: boolean } | null;
  route: string | null;
  routeNote: string;
  api: { next: LoadResult; raw: LoadResult; throughput: number; p50: number; p99: number } | null;
  dashboard: { page: LoadResult; health: LoadResult; throughput: number } | null;
  skipped?: string;
}

const CANDIDATES: { route: string; query: 'projects' | 'inspections' }[] = [
  { route: '/api/v1/projects?limit=50', query: 'projects' },
  { route: '/api/v1/inspections?limit=50', query: 'inspections' },
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function git(args: string[]) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** Copy the app's sources into a private folder and `next build` there; reused while the commit is the same. */
function buildApp(o: HttpOptions): NonNullable<HttpResult['build']> {
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dir = path.join(os.tmpdir(), `brave-bench-app-${o.source === 'head' ? commit : `worktree-${process.pid}`}`);
  const began = Date.now();
  if (!o.rebuild && o.source === 'head' && fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    return { source: o.source, commit, seconds: 0, reused: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (o.source === 'head') {
    execFileSync('sh', ['-c', `git archive HEAD | tar -x -C '${dir}'`], { cwd: ROOT });
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
      env: { ...cleanEnv(), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`next build failed:\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
  return { source: o.source, commit, seconds: (Date.now() - began) / 1000, reused: false };
}

function appDir(o: HttpOptions, commit: string) {
  return path.join(os.tmpdir(), `brave-bench-app-${o.source === 'head' ? commit : `worktree-${process.pid}`}`);
}

/** The child must not inherit tsx's react-server condition (as in scripts/dev.ts). */
function cleanEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(/--conditions[= ]react-server/g, '').trim(),
  };
}

function appEnv(auth: Record<string, string>, o: HttpOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    ...auth,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: o.appUrl,
    DATABASE_PUBLIC_URL: o.publicUrl,
  };
  delete env.DATABASE_OWNER_URL; // the app never holds owner credentials
  return env;
}

async function waitFor(url: string, child: ChildProcess, ms: number) {
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

function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
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

function stop(child: ChildProcess | undefined) {
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

export async function measureHttp(o: HttpOptions): Promise<HttpResult> {
  // Demo tenants and users (the session's user and org must exist and be active).
  const db = createDatabase(o.appUrl, { max: 2 });
  await seed(db);
  await db.$pool.end({ timeout: 1 });
  const org = seedOrganizations[0]!;
  const user = seedUsers.find((u) => u.memberships.some((m) => m.org === org.slug && m.role === 'owner'))!;

  let build: HttpResult['build'];
  try {
    build = buildApp(o);
  } catch (e) {
    return { build: null, route: null, routeNote: '', api: null, dashboard: null, skipped: (e as Error).message };
  }
  const auth: Record<string, string> = { ...ensureLocalAuth(path.join(ROOT, '.data', 'bench', 'local-auth')) };
  const port = await freePort();
  const rawPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let next: ChildProcess | undefined;
  let raw: ChildProcess | undefined;
  try {
    next = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: appDir(o, build.commit),
        env: appEnv(auth, o),
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    next.stderr!.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    await waitFor(`${origin}/api/health`, next, 60_000).catch((e) => {
      throw new Error(`${(e as Error).message}\n${stderr}`);
    });

    const key = await importPKCS8(fs.readFileSync(auth.LOCAL_AUTH_KEY_FILE!, 'utf8'), 'RS256');
    const claims = sessionClaims({
      userId: user.id,
      sessionId: 'sess_bench',
      azp: origin,
      org: { id: org.id, slug: org.slug, role: 'owner' },
      ttlSeconds: 3600,
    });
    const token = await signSessionToken(claims, key);
    const cookie = `${SESSION_COOKIE}=${token}; ${CLIENT_UAT_COOKIE}=${claims.iat as number}`;

    // Which tenant-scoped GET exists in this build.
    let chosen = o.route
      ? { route: o.route, query: o.route.includes('inspections') ? ('inspections' as const) : ('projects' as const) }
      : undefined;
    const tried: string[] = [];
    if (!chosen) {
      for (const c of CANDIDATES) {
        const r = await get(`${origin}${c.route}`, { cookie, accept: 'application/json' });
        tried.push(`${c.route.split('?')[0]} → ${r.status}`);
        if (r.status === 200) {
          chosen = c;
          break;
        }
      }
    }
    const dashboardProbe = await get(`${origin}/dashboard`, { cookie, accept: 'text/html' });
    const load = {
      connections: o.connections,
      seconds: o.seconds,
      sliceSeconds: o.sliceSeconds,
      warmupSeconds: o.warmupSeconds,
    };

    let api: HttpResult['api'] = null;
    let routeNote = tried.join(', ');
    if (chosen) {
      raw = spawn(
        process.execPath,
        [path.join(ROOT, 'bench', 'raw-server.mjs'), String(rawPort), o.appUrl, chosen.query, '10'],
        {
          cwd: ROOT,
          env: cleanEnv(),
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        },
      );
      await waitFor(`http://127.0.0.1:${rawPort}/`, raw, 20_000);
      const [n, r] = await alternate(
        [
          {
            name: `next start ${chosen.route}`,
            url: `${origin}${chosen.route}`,
            headers: { cookie, accept: 'application/json' },
          },
          {
            name: 'raw node:http + postgres.js',
            url: `http://127.0.0.1:${rawPort}/`,
            headers: { 'x-bench-org': org.id },
          },
        ],
        load,
      );
      api = {
        next: n!,
        raw: r!,
        throughput: n!.rps / r!.rps,
        p50: n!.latency.p50 / r!.latency.p50,
        p99: n!.latency.p99 / r!.latency.p99,
      };
    } else {
      routeNote = `no tenant-scoped /api/v1 GET answered 200 in this build (${tried.join(', ')})`;
    }

    let dashboard: HttpResult['dashboard'] = null;
    if (dashboardProbe.status === 200) {
      const [page, health] = await alternate(
        [
          { name: 'GET /dashboard', url: `${origin}/dashboard`, headers: { cookie, accept: 'text/html' } },
          { name: 'GET /api/health (no auth, no db)', url: `${origin}/api/health` },
        ],
        load,
      );
      dashboard = { page: page!, health: health!, throughput: page!.rps / health!.rps };
    } else {
      routeNote += `; /dashboard answered ${dashboardProbe.status}`;
    }
    return { build, route: chosen?.route ?? null, routeNote, api, dashboard };
  } finally {
    await Promise.all([stop(next), stop(raw)]);
  }
}
