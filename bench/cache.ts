/**
 * (h) The tenant cache on vs off, side by side: the same build under three
 * `next start` servers — CACHE=off, the in-process LRU (the embedded
 * default) and Upstash (@upstash/redis through the REST bridge on a real
 * redis-server, when installed) — each loaded on the API route and the
 * dashboard as the smallest and the largest bench tenant, in alternating
 * slices (lib/load.ts). Rate limits are off in all three (appEnv in http.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { importPKCS8 } from 'jose';
import { CLIENT_UAT_COOKIE, SESSION_COOKIE } from '@/lib/auth/local-keys';
import { sessionClaims, signSessionToken } from '@/lib/auth/session-token';
import { ensureLocalAuth } from '@/scripts/lib/local-auth';
import { redisServerAvailable, startRedisServer, type RedisServer } from '@/scripts/lib/redis-server';
import { startUpstashBridge, type UpstashBridge } from '@/scripts/lib/upstash-bridge';
import { appEnv, get, stop, waitFor } from './lib/app-server';
import { freePort } from './lib/ports';
import { postmasterPid, treeCpuMs } from './lib/cpu';
import { alternate, type LoadResult, type LoadTarget } from './lib/load';
import { orgIdOf } from './lib/setup';

const ROOT = path.resolve(import.meta.dirname, '..');
const USER = 'user_bench_cache';

type CacheVariant = 'off' | 'memory' | 'upstash';

interface CacheCell {
  route: 'api' | 'dashboard';
  tenant: 'smallest' | 'largest';
  orgId: string;
  projects: number;
  variant: CacheVariant;
  result: LoadResult;
  /** CPU ms per request of the server that answered (its process tree). */
  serverCpuMs: number;
}

export interface CacheResult {
  variants: CacheVariant[];
  cells: CacheCell[];
  /** Per route and tenant: req/s and server CPU per request, each cache variant over `off`. */
  ratios: { route: string; tenant: string; variant: CacheVariant; throughput: number; cpu: number }[];
  skipped?: string;
}

export async function measureCache(o: {
  buildDir: string;
  appUrl: string;
  publicUrl: string;
  superuserUrl: string;
  tenants: number;
  counts: number[];
  connections: number;
  seconds: number;
  sliceSeconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}): Promise<CacheResult> {
  const tenants = [
    { tenant: 'smallest' as const, orgId: orgIdOf(o.tenants), projects: o.counts.at(-1)! },
    { tenant: 'largest' as const, orgId: orgIdOf(1), projects: o.counts[0]! },
  ];
  // The session's user, a member of both (the shell lists the user's organizations).
  const su = postgres(o.superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await su`insert into users (id, email, email_normalized) values (${USER}, 'cache@bench.test', 'cache@bench.test') on conflict do nothing`;
    for (const t of tenants) {
      await su`insert into memberships (organization_id, user_id, role) values (${t.orgId}, ${USER}, 'owner') on conflict do nothing`;
    }
  } finally {
    await su.end({ timeout: 1 });
  }

  const variants: CacheVariant[] = ['off', 'memory', ...(redisServerAvailable() ? (['upstash'] as const) : [])];
  const auth: Record<string, string> = { ...ensureLocalAuth(path.join(ROOT, '.data', 'bench', 'local-auth')) };
  let redis: RedisServer | undefined;
  let bridge: UpstashBridge | undefined;
  const servers = new Map<CacheVariant, { child: ChildProcess; origin: string }>();
  try {
    if (variants.includes('upstash')) {
      redis = await startRedisServer();
      bridge = await startUpstashBridge({ redisUrl: redis.url });
    }
    for (const v of variants) {
      const port = await freePort();
      const env = {
        ...appEnv(auth, o),
        CACHE: v === 'off' ? 'off' : 'on',
        ...(v === 'upstash' ? { UPSTASH_REDIS_REST_URL: bridge!.url, UPSTASH_REDIS_REST_TOKEN: bridge!.token } : {}),
      };
      if (v !== 'upstash') {
        delete env.UPSTASH_REDIS_REST_URL;
        delete env.UPSTASH_REDIS_REST_TOKEN;
      }
      const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: o.buildDir,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const origin = `http://127.0.0.1:${port}`;
      await waitFor(`${origin}/api/health`, child, 60_000);
      servers.set(v, { child, origin });
    }

    const key = await importPKCS8(fs.readFileSync(auth.LOCAL_AUTH_KEY_FILE!, 'utf8'), 'RS256');
    const cookieFor = async (origin: string, orgId: string) => {
      const claims = sessionClaims({ userId: USER, sessionId: 'sess_bench_cache', azp: origin, org: { id: orgId, slug: orgId, role: 'owner' }, ttlSeconds: 3600 });
      return `${SESSION_COOKIE}=${await signSessionToken(claims, key)}; ${CLIENT_UAT_COOKIE}=${claims.iat as number}`;
    };

    const targets: (LoadTarget & { cell: Omit<CacheCell, 'result' | 'serverCpuMs'> })[] = [];
    for (const route of ['api', 'dashboard'] as const) {
      for (const t of tenants) {
        for (const v of variants) {
          const { origin } = servers.get(v)!;
          const url = `${origin}${route === 'api' ? '/api/v1/projects?limit=50' : '/dashboard'}`;
          const headers = { cookie: await cookieFor(origin, t.orgId), accept: route === 'api' ? 'application/json' : 'text/html' };
          const probe = await get(url, headers);
          if (probe.status !== 200) throw new Error(`${url} as ${t.orgId} answered ${probe.status}: ${probe.body.slice(0, 200)}`);
          targets.push({ name: `${route} ${t.tenant} cache ${v}`, url, headers, cell: { route, tenant: t.tenant, orgId: t.orgId, projects: t.projects, variant: v } });
        }
      }
    }
    const pg = await postmasterPid(o.superuserUrl);
    const meters = Object.fromEntries([...[...servers].map(([v, s]) => [`next (cache ${v})`, () => treeCpuMs(s.child.pid)]), ['postgres', () => treeCpuMs(pg)]]);
    o.log(`(h) ${targets.length} targets: ${variants.join(' / ')} × API and dashboard × smallest (${tenants[0]!.projects} projects) and largest (${tenants[1]!.projects}) tenant…`);
    const results = await alternate(targets, { connections: o.connections, seconds: o.seconds, sliceSeconds: o.sliceSeconds, warmupSeconds: o.warmupSeconds }, meters);
    const cells: CacheCell[] = targets.map((t, i) => ({
      ...t.cell,
      result: results[i]!,
      serverCpuMs: results[i]!.cpuPerRequest?.[`next (cache ${t.cell.variant})`] ?? Number.NaN,
    }));
    const ratios: CacheResult['ratios'] = [];
    for (const c of cells) {
      if (c.variant === 'off') continue;
      const off = cells.find((x) => x.variant === 'off' && x.route === c.route && x.tenant === c.tenant)!;
      ratios.push({ route: c.route, tenant: c.tenant, variant: c.variant, throughput: c.result.rps / off.result.rps, cpu: c.serverCpuMs / off.serverCpuMs });
    }
    return { variants, cells, ratios };
  } catch (e) {
    return { variants, cells: [], ratios: [], skipped: (e as Error).message };
  } finally {
    await Promise.all([...servers.values()].map((s) => stop(s.child)));
    await bridge?.close();
    await redis?.stop();
  }
}
