/**
 * (d) a tenant-scoped /api/v1 GET through `next start` vs a raw node:http +
 * postgres.js handler doing the same database work, and (e) the dashboard
 * page under load. The app is built from a snapshot (HEAD by default) in a
 * folder of its own under the OS temp dir, so the bench never writes the
 * shared `.next` and never builds somebody's half-written file; node_modules
 * is hard-linked (Turbopack refuses a symlinked one outside its root).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { importPKCS8, importSPKI, jwtVerify } from 'jose';
import { createDatabase } from '@/db/client';
import { seed } from '@/lib/demo/seed';
import { seedOrganizations, seedUsers } from '@/db/seed-data';
import { SESSION_COOKIE, CLIENT_UAT_COOKIE } from '@/lib/auth/local-keys';
import { sessionClaims, signSessionToken } from '@/lib/auth/session-token';
import { ensureLocalAuth } from '@/scripts/lib/local-auth';
import { postmasterPid, selfCpuMs, treeCpuMs } from './lib/cpu';
import { summarizeProfile, type ProfileSummary } from './lib/cpuprofile';
import { measureInspect, type InspectResult } from './inspect';
import { alternate, type CpuMeters, type LoadResult, type LoadTarget } from './lib/load';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface HttpOptions {
  appUrl: string;
  publicUrl: string;
  superuserUrl: string;
  /** 'head' (a snapshot of the last commit) or 'worktree' (tracked + untracked files as they are now). */
  source: 'head' | 'worktree';
  rebuild: boolean;
  /** With source 'head': build this commit instead of HEAD. */
  commit?: string;
  /** Route to load; the first of the candidates that answers 200 when not given. */
  route?: string;
  connections: number;
  seconds: number;
  sliceSeconds: number;
  warmupSeconds: number;
  /** > 0: afterwards, restart `next start` under `--cpu-prof`, load the API route this long, and summarize the profile. */
  profileSeconds: number;
  log: (line: string) => void;
}

export interface HttpResult {
  build: { source: string; commit: string; seconds: number; reused: boolean; dir: string } | null;
  route: string | null;
  routeNote: string;
  api: {
    next: LoadResult;
    raw: LoadResult;
    throughput: number;
    p50: number;
    p99: number;
    /**
     * Loaded side by side with the two above, to split the gap: the project's own database code without Next
     * (raw-app-server.ts), and /api/health (no database) through next start without and with the session cookie.
     */
    breakdown: { rawApp: LoadResult | null; health: LoadResult; healthAuth: LoadResult };
    /** In-process CPU of two suspects, for scale: JSON.stringify of one answer's body, one RS256 verify of the token (WebCrypto, as Clerk does). */
    micro: { bodyBytes: number; jsonStringifyMs: number; rs256VerifyMs: number; rs256ImportAndVerifyMs: number };
  } | null;
  dashboard: { page: LoadResult; health: LoadResult; throughput: number } | null;
  /** (g) the public QR page next to /api/health (bench/inspect.ts). */
  inspect?: InspectResult | { failed: string };
  /** CPU profile of `next start` serving the API route alone (see lib/cpuprofile.ts). */
  profile?: ProfileSummary & { file: string };
  skipped?: string;
}

const CANDIDATES: { route: string; query: 'projects' | 'inspections' }[] = [
  { route: '/api/v1/projects?limit=50', query: 'projects' },
  { route: '/api/v1/inspections?limit=50', query: 'inspections' },
];

export async function freePort(): Promise<number> {
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

function appDir(o: HttpOptions, rev: string): string {
  return path.join(
    os.tmpdir(),
    `brave-bench-app-${o.source === 'head' ? `tree-${appTreeKey(rev)}` : `worktree-${process.pid}`}`,
  );
}

/** Copy the app's sources into a private folder and `next build` there; reused while the app's files are the same. */
export function buildApp(o: HttpOptions, auth: Record<string, string>): NonNullable<HttpResult['build']> {
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
function cleanEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(/--conditions[= ]react-server/g, '').trim(),
  };
}

export function appEnv(auth: Record<string, string>, o: Pick<HttpOptions, 'appUrl' | 'publicUrl'>): NodeJS.ProcessEnv {
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
async function meanMs(n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < n / 5; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - t) / n;
}

async function microTimings(url: string, cookie: string, token: string, publicPem: string) {
  const body = (await get(url, { cookie, accept: 'application/json' })).body;
  const parsed = JSON.parse(body) as unknown;
  const key = await importSPKI(publicPem, 'RS256');
  return {
    bodyBytes: Buffer.byteLength(body),
    jsonStringifyMs: await meanMs(500, () => JSON.stringify(parsed)),
    rs256VerifyMs: await meanMs(500, () => jwtVerify(token, key)),
    // As @clerk/backend's verifyJwt does with a jwtKey: WebCrypto importKey of the PEM on every call, then verify.
    rs256ImportAndVerifyMs: await meanMs(500, async () => {
      const der = Buffer.from(publicPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
      const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      const k = await crypto.subtle.importKey('spki', der, alg, false, ['verify']);
      const [h, p, sig] = token.split('.');
      return crypto.subtle.verify(alg.name, k, Buffer.from(sig!, 'base64url'), new TextEncoder().encode(`${h}.${p}`));
    }),
  };
}

export async function measureHttp(o: HttpOptions): Promise<HttpResult> {
  // Demo tenants and users (the session's user and org must exist and be active).
  const db = createDatabase(o.appUrl, { max: 2 });
  await seed(db);
  await db.$pool.end({ timeout: 1 });
  const org = seedOrganizations[0]!;
  const user = seedUsers.find((u) => u.memberships.some((m) => m.org === org.slug && m.role === 'owner'))!;

  // The same env `npm run dev` gives the server in local identity mode (scripts/dev.ts): AUTH_MODE=local,
  // CLERK_JWT_KEY (public key), the local pk_live_ publishable key, a secret, LOCAL_AUTH_KEY_FILE; no APP_ORIGINS,
  // so the allowed azp is the browser's own origin (lib/auth/config.ts authorizedPartiesFor / browserOrigin).
  const auth: Record<string, string> = { ...ensureLocalAuth(path.join(ROOT, '.data', 'bench', 'local-auth')) };
  let build: HttpResult['build'];
  try {
    build = buildApp(o, auth);
  } catch (e) {
    return { build: null, route: null, routeNote: '', api: null, dashboard: null, skipped: (e as Error).message };
  }
  const port = await freePort();
  const rawPort = await freePort();
  const rawAppPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let next: ChildProcess | undefined;
  let raw: ChildProcess | undefined;
  let rawApp: ChildProcess | undefined;
  try {
    next = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: build.dir,
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
    const pg = await postmasterPid(o.superuserUrl);
    const meters: CpuMeters = {
      'next start': () => treeCpuMs(next?.pid),
      raw: () => treeCpuMs(raw?.pid),
      'raw app code': () => treeCpuMs(rawApp?.pid),
      postgres: () => treeCpuMs(pg),
      'load generator': selfCpuMs,
    };
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
      if (chosen.query === 'projects') {
        // Same pool size as the app's (DATABASE_POOL_MAX default 10); tsx in react-server mode like the bench itself.
        rawApp = spawn(
          process.execPath,
          [
            path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
            '--conditions=react-server',
            path.join(ROOT, 'bench', 'raw-app-server.ts'),
            String(rawAppPort),
          ],
          { cwd: ROOT, env: { ...appEnv(auth, o) }, stdio: ['ignore', 'ignore', 'inherit'] },
        );
        await waitFor(`http://127.0.0.1:${rawAppPort}/health`, rawApp, 60_000);
      }
      const targets: LoadTarget[] = [
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
        { name: 'GET /api/health via next start, no cookie', url: `${origin}/api/health` },
        {
          name: 'GET /api/health via next start, session cookie',
          url: `${origin}/api/health`,
          headers: { cookie, accept: 'application/json' },
        },
        ...(rawApp
          ? [
              {
                name: 'node:http + the app’s db code (withTenant, listProjects, projectJson)',
                url: `http://127.0.0.1:${rawAppPort}/`,
                headers: { 'x-bench-org': org.id, 'x-bench-user': user.id },
              },
            ]
          : []),
      ];
      const [n, r, health, healthAuth, ra] = await alternate(targets, load, meters);
      const micro = await microTimings(`${origin}${chosen.route}`, cookie, token, auth.CLERK_JWT_KEY!);
      api = {
        next: n!,
        raw: r!,
        throughput: n!.rps / r!.rps,
        p50: n!.latency.p50 / r!.latency.p50,
        p99: n!.latency.p99 / r!.latency.p99,
        breakdown: { rawApp: ra ?? null, health: health!, healthAuth: healthAuth! },
        micro,
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
        { 'next start': meters['next start']!, postgres: meters.postgres!, 'load generator': selfCpuMs },
      );
      dashboard = { page: page!, health: health!, throughput: page!.rps / health!.rps };
    } else {
      routeNote += `; /dashboard answered ${dashboardProbe.status}`;
    }
    let inspect: HttpResult['inspect'];
    try {
      inspect = await measureInspect({
        appUrl: o.appUrl,
        origin,
        load,
        meters: { 'next start': meters['next start']!, postgres: meters.postgres!, 'load generator': selfCpuMs },
      });
    } catch (e) {
      inspect = { failed: (e as Error).message.split('\n')[0]! }; // e.g. a build without /inspect
    }
    let profile: HttpResult['profile'];
    if (chosen && o.profileSeconds > 0) {
      try {
        await stop(next);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brave-bench-prof-'));
        o.log(`profiling next start on ${chosen.route} for ${o.profileSeconds} s (--cpu-prof)…`);
        // --cpu-prof is refused in NODE_OPTIONS (exit 9): a flag of the node command itself.
        next = spawn(
          process.execPath,
          [
            '--cpu-prof',
            `--cpu-prof-dir=${dir}`,
            'node_modules/next/dist/bin/next',
            'start',
            '-p',
            String(port),
            '-H',
            '127.0.0.1',
          ],
          { cwd: build.dir, env: appEnv(auth, o), stdio: ['ignore', 'ignore', 'ignore'] },
        );
        await waitFor(`${origin}/api/health`, next, 60_000);
        const [lr] = await alternate(
          [{ name: 'profiled', url: `${origin}${chosen.route}`, headers: { cookie, accept: 'application/json' } }],
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
        if (files[0]) profile = { ...summarizeProfile(files[0], lr!.requests), file: files[0] };
        else o.log('no .cpuprofile was written (the server did not exit cleanly)');
      } catch (e) {
        o.log(`profile failed: ${(e as Error).message}`); // the measurements above stand
      }
    }
    return { build, route: chosen?.route ?? null, routeNote, api, dashboard, inspect, profile };
  } finally {
    await Promise.all([stop(next), stop(raw), stop(rawApp)]);
  }
}
