/**
 * (d) a tenant-scoped /api/v1 GET through `next start` vs a raw node:http +
 * postgres.js handler doing the same database work, and (e) the dashboard
 * page under load. The build and the server helpers: lib/app-server.ts; the
 * route's cost step by step: route-breakdown.ts; the CPU profile: lib/profile-run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { importPKCS8 } from 'jose';
import { createDatabase } from '@/db/client';
import { seed } from '@/lib/demo/seed';
import { seedOrganizations, seedUsers } from '@/db/seed-data';
import { SESSION_COOKIE, CLIENT_UAT_COOKIE } from '@/lib/auth/local-keys';
import { sessionClaims, signSessionToken } from '@/lib/auth/session-token';
import { ensureLocalAuth } from '@/scripts/lib/local-auth';
import { postmasterPid, selfCpuMs, treeCpuMs } from './lib/cpu';
import type { ProfileSummary } from './lib/cpuprofile';
import { appEnv, buildApp, cleanEnv, get, stop, waitFor, type Build, type BuildOptions } from './lib/app-server';
import { freePort } from './lib/ports';
import { profileRoute } from './lib/profile-run';
import { microTimings, type RouteMicro } from './route-breakdown';
import { measureInspect, type InspectResult } from './inspect';
import { alternate, type CpuMeters, type LoadResult, type LoadTarget } from './lib/load';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface HttpOptions extends BuildOptions {
  appUrl: string;
  publicUrl: string;
  superuserUrl: string;
  /** Route to load; the first of the candidates that answers 200 when not given. */
  route?: string;
  connections: number;
  seconds: number;
  sliceSeconds: number;
  warmupSeconds: number;
  /** > 0: afterwards, restart `next start` with the profiler preloaded, load the API route this long, and summarize the profile. */
  profileSeconds: number;
}

export interface HttpResult {
  build: Build | null;
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
    micro: RouteMicro;
  } | null;
  dashboard: { page: LoadResult; health: LoadResult; throughput: number } | null;
  /** (g) the public QR page next to /api/health (bench/inspect.ts). */
  inspect?: InspectResult | { failed: string };
  /** CPU profile of `next start` serving the API route alone (see lib/cpuprofile.ts). */
  profile?: ProfileSummary & { file: string };
  /** The same, serving GET /api/health with the same session cookie: the route's cost over it, by library. */
  healthProfile?: ProfileSummary & { file: string };
  skipped?: string;
}

const CANDIDATES: { route: string; query: 'projects' | 'inspections' }[] = [
  { route: '/api/v1/projects?limit=50', query: 'projects' },
  { route: '/api/v1/inspections?limit=50', query: 'inspections' },
];
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
      const micro = await microTimings(`${origin}${chosen.route}`, cookie, token, auth.CLERK_JWT_KEY!, chosen.query === 'projects' ? { appUrl: o.appUrl, orgId: org.id, userId: user.id } : undefined);
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
    const profiled = (route: string) =>
      profileRoute({ ...o, buildDir: build.dir, port, env: appEnv(auth, o), url: `${origin}${route}`, cookie, stop: () => stop(next) });
    const profile = chosen && o.profileSeconds > 0 ? await profiled(chosen.route) : undefined;
    // The same session cookie on the framework's floor: the difference, category by category, is the route's own cost.
    const healthProfile = profile ? await profiled('/api/health') : undefined;
    return { build, route: chosen?.route ?? null, routeNote, api, dashboard, inspect, profile, healthProfile };
  } finally {
    await Promise.all([stop(next), stop(raw), stop(rawApp)]);
  }
}
