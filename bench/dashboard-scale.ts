/**
 * (j) The dashboard at tenants of 100, 1,000 and 10,000 active projects, side
 * by side with /api/health (same session cookie) in alternating slices
 * (lib/load.ts), on one `next start` with the tenant cache off (CACHE=off): every
 * request runs the dashboard's queries. Each tenant has realistic stored
 * obligations (one open per project, a quarter of them overdue, eight met),
 * two completed inspections per project and a rain event per project in the
 * last two weeks — so a dashboard whose work grew with the tenant would show it.
 * Issue 13's targets: p50 of the largest within 1.5× of the smallest, each
 * within 3× of /api/health with a session.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { importPKCS8 } from 'jose';
import { CLIENT_UAT_COOKIE, SESSION_COOKIE } from '@/lib/auth/local-keys';
import { sessionClaims, signSessionToken } from '@/lib/auth/session-token';
import { ensureLocalAuth } from '@/scripts/lib/local-auth';
import { appEnv, get, stop, waitFor } from './lib/app-server';
import { freePort } from './lib/ports';
import { alternate, type LoadResult, type LoadTarget } from './lib/load';
import { profileRoute } from './lib/profile-run';
import type { ProfileSummary } from './lib/cpuprofile';

const ROOT = path.resolve(import.meta.dirname, '..');
const USER = 'user_bench_dashboard';
const DASHBOARD_SIZES = [100, 1_000, 10_000] as const;
const orgOf = (n: number) => `org_dash_${n}`;

export interface DashboardScaleResult {
  sizes: number[];
  health: LoadResult | null;
  /**
   * The signed-in layout around a light page (/notifications: the shell and one short list), same
   * session: what any page costs before the dashboard's own work — Next's and React's floor.
   */
  floor?: { url: string; bytes: number; result: LoadResult; overHealth: number };
  /** Bytes of each dashboard's HTML (the RSC payload included), from the probe request. */
  htmlBytes?: Record<number, number>;
  dashboards: { projects: number; orgId: string; obligations: number; result: LoadResult }[];
  /** p50 of each tenant's dashboard over the smallest tenant's. */
  overSmallest: { projects: number; p50: number }[];
  /** p50 of each tenant's dashboard over /api/health with the same session. */
  overHealth: { projects: number; p50: number }[];
  loadSeconds: number;
  /** `--profile-seconds`: where the server's CPU went serving the largest tenant's dashboard. */
  profile?: ProfileSummary & { projects: number };
  skipped?: string;
}

/** The three tenants, their projects and what the dashboard reads, as the superuser (bulk, outside the app). */
async function seedDashboardTenants(superuserUrl: string, sizes: readonly number[]): Promise<Record<number, number>> {
  const su = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  const obligations: Record<number, number> = {};
  try {
    await su`insert into users (id, email, email_normalized) values (${USER}, 'dash@bench.test', 'dash@bench.test') on conflict do nothing`;
    for (const n of sizes) {
      const org = orgOf(n);
      await su.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`delete from organizations where organization_id = ${org}`;
        for (const t of ['project_obligations', 'rain_events', 'inspections', 'projects', 'compliance_settings', 'memberships']) {
          await tx`delete from ${tx(t)} where organization_id = ${org}`;
        }
        await tx`insert into organizations (organization_id, name, slug) values (${org}, ${`Dashboard ${n}`}, ${`dash-${n}`})`;
        await tx`insert into compliance_settings (organization_id, timezone) values (${org}, 'America/Chicago')`;
        await tx`insert into memberships (organization_id, user_id, role) values (${org}, ${USER}, 'owner')`;
        await tx`
          insert into projects (organization_id, id, name, status, inspection_schedule, permit_start, created_by)
          select ${org}, md5(${org} || ':p:' || j)::uuid, 'Site ' || j, 'active',
                 (case when j % 2 = 0 then 'every_7_days' else 'every_14_days_and_storm' end)::inspection_schedule,
                 current_date - 120, 'bench'
          from generate_series(1, ${n}::int) j`;
        // One open obligation per project (a quarter overdue), eight met ones in the past (one late).
        await tx`
          insert into project_obligations (organization_id, project_id, kind, part, reason, opens_at, due_at)
          select ${org}, md5(${org} || ':p:' || j)::uuid, 'routine_inspection', 'CGP 2022 Part 4.2.1',
                 'Routine inspection (every 7 calendar days): due by the end of the day, counted from the last inspection.',
                 now() - interval '7 days' + make_interval(hours => (j % 240) - 60), now() + make_interval(hours => (j % 240) - 60)
          from generate_series(1, ${n}::int) j`;
        await tx`
          insert into project_obligations (organization_id, project_id, kind, part, reason, opens_at, due_at, met_at, met_by_kind, met_by_id, met_late)
          select ${org}, md5(${org} || ':p:' || j)::uuid, 'routine_inspection', 'CGP 2022 Part 4.2.1', 'Routine inspection (met).',
                 now() - make_interval(days => 7 * k + 7), now() - make_interval(days => 7 * k),
                 now() - make_interval(days => 7 * k) + (case when k = 3 then interval '5 hours' else interval '-5 hours' end),
                 'inspection', md5(${org} || ':i:' || j || ':' || k), k = 3
          from generate_series(1, ${n}::int) j, generate_series(1, 8) k`;
        await tx`
          insert into inspections (organization_id, id, project_id, type, status, inspected_at, created_by)
          select ${org}, md5(${org} || ':i:' || j || ':' || k)::uuid, md5(${org} || ':p:' || j)::uuid, 'routine', 'submitted',
                 now() - make_interval(days => 7 * k - 3, hours => j % 10), 'bench'
          from generate_series(1, ${n}::int) j, generate_series(1, 2) k`;
        await tx`
          insert into rain_events (organization_id, project_id, amount_inches, started_at, recorded_by)
          select ${org}, md5(${org} || ':p:' || j)::uuid, ((j % 60) / 100.0)::numeric(5,2), now() - make_interval(days => j % 14, hours => j % 7), 'bench'
          from generate_series(1, ${n}::int) j`;
      });
      const [row] = await su<{ n: number }[]>`select count(*)::int as n from project_obligations where organization_id = ${org}`;
      obligations[n] = row!.n;
    }
    await su`vacuum analyze projects, project_obligations, inspections, rain_events`;
    return obligations;
  } finally {
    await su.end({ timeout: 1 });
  }
}

export async function measureDashboardScale(o: {
  buildDir: string;
  appUrl: string;
  publicUrl: string;
  superuserUrl: string;
  connections: number;
  seconds: number;
  sliceSeconds: number;
  warmupSeconds: number;
  profileSeconds?: number;
  log: (line: string) => void;
}): Promise<DashboardScaleResult> {
  const sizes = [...DASHBOARD_SIZES];
  const empty = { sizes, health: null, dashboards: [], overSmallest: [], overHealth: [], loadSeconds: 0 };
  const began = Date.now();
  const obligations = await seedDashboardTenants(o.superuserUrl, sizes);
  const loadSeconds = (Date.now() - began) / 1000;
  o.log(`(j) seeded ${sizes.map((n) => `${n.toLocaleString('en')} projects / ${obligations[n]!.toLocaleString('en')} obligations`).join(', ')} in ${loadSeconds.toFixed(1)} s`);

  const auth: Record<string, string> = { ...ensureLocalAuth(path.join(ROOT, '.data', 'bench', 'local-auth')) };
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    // CACHE=off: the tenant cache would answer from memory and hide the queries this measures.
    child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: o.buildDir,
      env: { ...appEnv(auth, o), CACHE: 'off' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const origin = `http://127.0.0.1:${port}`;
    await waitFor(`${origin}/api/health`, child, 60_000);
    const key = await importPKCS8(fs.readFileSync(auth.LOCAL_AUTH_KEY_FILE!, 'utf8'), 'RS256');
    const cookieFor = async (orgId: string) => {
      const claims = sessionClaims({ userId: USER, sessionId: 'sess_bench_dash', azp: origin, org: { id: orgId, slug: orgId, role: 'owner' }, ttlSeconds: 3600 });
      return `${SESSION_COOKIE}=${await signSessionToken(claims, key)}; ${CLIENT_UAT_COOKIE}=${claims.iat as number}`;
    };
    const targets: LoadTarget[] = [
      { name: 'health', url: `${origin}/api/health`, headers: { cookie: await cookieFor(orgOf(sizes[0]!)), accept: 'application/json' } },
    ];
    const floorUrl = `${origin}/notifications`;
    const floorHeaders = { cookie: await cookieFor(orgOf(sizes[0]!)), accept: 'text/html' };
    const floorProbe = await get(floorUrl, floorHeaders);
    if (floorProbe.status !== 200 || !floorProbe.body.includes('Reminders')) {
      throw new Error(`/notifications answered ${floorProbe.status}: ${floorProbe.body.slice(0, 200)}`);
    }
    targets.push({ name: 'floor', url: floorUrl, headers: floorHeaders });
    const htmlBytes: Record<number, number> = {};
    for (const n of sizes) {
      const url = `${origin}/dashboard`;
      const headers = { cookie: await cookieFor(orgOf(n)), accept: 'text/html' };
      const probe = await get(url, headers);
      if (probe.status !== 200 || !probe.body.includes('Due next')) {
        throw new Error(`/dashboard as ${orgOf(n)} answered ${probe.status}: ${probe.body.slice(0, 200)}`);
      }
      htmlBytes[n] = Buffer.byteLength(probe.body);
      targets.push({ name: `dashboard ${n}`, url, headers });
    }
    o.log(`(j) /api/health and the dashboard at ${sizes.join(' / ')} projects, ${o.seconds} s each, ${o.connections} connections…`);
    const results = await alternate(targets, { connections: o.connections, seconds: o.seconds, sliceSeconds: o.sliceSeconds, warmupSeconds: o.warmupSeconds });
    const [health, floorResult, ...rest] = results;
    const dashboards = sizes.map((n, i) => ({ projects: n, orgId: orgOf(n), obligations: obligations[n]!, result: rest[i]! }));
    const smallest = dashboards[0]!.result.latency.p50;
    const largest = sizes.at(-1)!;
    const profile =
      o.profileSeconds && o.profileSeconds > 0
        ? await profileRoute({
            buildDir: o.buildDir,
            port,
            env: { ...appEnv(auth, o), CACHE: 'off' },
            url: `${origin}/dashboard`,
            cookie: await cookieFor(orgOf(largest)),
            accept: 'text/html',
            connections: o.connections,
            profileSeconds: o.profileSeconds,
            warmupSeconds: o.warmupSeconds,
            stop: () => stop(child),
            log: o.log,
          })
        : undefined;
    return {
      ...(profile ? { profile: { ...profile, projects: largest } } : {}),
      floor: {
        url: '/notifications',
        bytes: Buffer.byteLength(floorProbe.body),
        result: floorResult!,
        overHealth: floorResult!.latency.p50 / health!.latency.p50,
      },
      htmlBytes,
      sizes,
      health: health!,
      dashboards,
      overSmallest: dashboards.map((d) => ({ projects: d.projects, p50: d.result.latency.p50 / smallest })),
      overHealth: dashboards.map((d) => ({ projects: d.projects, p50: d.result.latency.p50 / health!.latency.p50 })),
      loadSeconds,
    };
  } catch (e) {
    return { ...empty, loadSeconds, skipped: (e as Error).message };
  } finally {
    await stop(child);
  }
}
