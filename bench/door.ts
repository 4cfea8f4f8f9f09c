/**
 * What the tenant door costs (DESIGN.md §8): a fetch by id
 *   (a) bare — superuser, explicit organization_id filter, no transaction (RLS bypassed);
 *   (b) withTenantOn — BEGIN, set_config pipelined with the query, COMMIT, as brave_app;
 *   (c) naive door — BEGIN, await set_config alone, query, COMMIT, as brave_app.
 * Each on its own one-connection pool, interleaved so drift hits all alike, with
 * prepared statements on and off (PgBouncer transaction mode). Prints p50/p99
 * and the ratio to (a); asserts nothing about time.
 *
 *   npm run bench     (tsx --conditions=react-server bench/door.ts)
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { and, eq, sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { projects } from '@/db/schema';
import { withTenantOn, type Tx } from '@/db/tenant';
import { startLocalDatabase } from '@/scripts/lib/local-database';

const TENANTS = 50;
const PROJECTS_PER_TENANT = 200;
const WARMUP = 300;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1500);

type Target = { orgId: string; id: string };
type Variant = { name: string; run: (t: Target) => Promise<unknown> };

const fetchById = (db: Pick<Tx, 'select'>, t: Target) =>
  db
    .select({ id: projects.id, organizationId: projects.organizationId, name: projects.name })
    .from(projects)
    .where(and(eq(projects.organizationId, t.orgId), eq(projects.id, t.id)))
    .limit(1);

/** Clerk ids are [A-Za-z0-9_]; anything else never reaches the literal below. */
const literal = (id: string) => {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(id)) throw new Error(`unexpected id ${id}`);
  return `'${id}'`;
};

function variants(urls: { superuser: string; app: string }, prepare: boolean) {
  const bare = createDatabase(urls.superuser, { max: 1, prepare });
  const door = createDatabase(urls.app, { max: 1, prepare });
  const naive = createDatabase(urls.app, { max: 1, prepare });
  const literalDoor = createDatabase(urls.app, { max: 1, prepare });
  const raw = postgres(urls.superuser, { max: 1, prepare, onnotice: () => {} });
  const list: Variant[] = [
    { name: '(a) bare: superuser, explicit filter, no tx', run: (t) => fetchById(bare, t) },
    {
      name: '(b) withTenantOn (db/tenant.ts)',
      run: (t) => withTenantOn(door, { orgId: t.orgId, userId: 'bench' }, (tx) => fetchById(tx, t)),
    },
    {
      name: '(c) naive door: await set_config alone',
      run: (t) =>
        naive.transaction(async (tx) => {
          await tx.execute(
            sql`select set_config('app.current_org', ${t.orgId}, true), set_config('app.current_user', 'bench', true)`,
          );
          return fetchById(tx, t);
        }),
    },
    {
      // Prototype: without bind parameters postgres.js does not describe the statement first,
      // so the query behind it is really sent before set_config's answer arrives.
      name: '(d) door, set_config as literal, pipelined',
      run: (t) =>
        literalDoor.transaction(async (tx) => {
          const settings = tx.execute(
            sql.raw(
              `select set_config('app.current_org', ${literal(t.orgId)}, true), set_config('app.current_user', 'bench', true)`,
            ),
          );
          const [, rows] = await Promise.all([settings, fetchById(tx, t)]);
          return rows;
        }),
    },
    {
      name: `(e) bare, postgres.js unsafe (prepare: ${prepare})`,
      run: (t) =>
        raw.unsafe<{ id: string; organizationId: string }[]>(
          'select id, organization_id as "organizationId", name from projects where organization_id = $1 and id = $2 limit 1',
          [t.orgId, t.id],
          { prepare },
        ),
    },
  ];
  const close = () =>
    Promise.all(
      [bare, door, naive, literalDoor].map((d) => d.$pool.end({ timeout: 1 })).concat(raw.end({ timeout: 1 })),
    );
  return { list, close };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(list: Variant[], targets: Target[]) {
  const samples = list.map(() => [] as number[]);
  let wrong = 0;
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const target = targets[(i * 7919) % targets.length]!;
    for (let v = 0; v < list.length; v++) {
      const start = process.hrtime.bigint();
      const rows = (await list[v]!.run(target)) as { id: string; organizationId: string }[];
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (rows.length !== 1 || rows[0]!.id !== target.id || rows[0]!.organizationId !== target.orgId) wrong++;
      if (i >= WARMUP) samples[v]!.push(ms);
    }
  }
  return {
    wrong,
    stats: samples.map((s) => s.sort((x, y) => x - y)).map((s) => ({ p50: percentile(s, 50), p99: percentile(s, 99) })),
  };
}

function table(title: string, list: Variant[], stats: { p50: number; p99: number }[]) {
  const base = stats[0]!;
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, d = 3) => n.toFixed(d).padStart(8);
  console.log(`\n${title}`);
  console.log(
    `${pad('query', 46)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'p50 ×a'.padStart(8)}${'p99 ×a'.padStart(8)}`,
  );
  list.forEach((v, i) => {
    const s = stats[i]!;
    console.log(`${pad(v.name, 46)}${num(s.p50)}${num(s.p99)}${num(s.p50 / base.p50, 2)}${num(s.p99 / base.p99, 2)}`);
  });
}

async function main() {
  const began = Date.now();
  const database = `bench_${process.pid}_${randomBytes(2).toString('hex')}`;
  const local = await startLocalDatabase({
    dir: '.data/bench-pg',
    port: 54359,
    database,
    ephemeral: true,
    log: (l) => console.log(`[bench postgres] ${l}`),
  });
  const su = postgres(local.server.superuserUrl(), { max: 1, onnotice: () => {} });
  const closers: (() => Promise<unknown>)[] = [];
  try {
    // Databases of interrupted earlier runs.
    for (const { datname } of await su<
      { datname: string }[]
    >`select datname from pg_database where datname like 'bench\\_%' and datname <> ${database}`) {
      await su.unsafe(`drop database if exists "${datname}" with (force)`);
    }

    // Seed through the door, as the app would: 50 tenants × 200 projects.
    const seeder = createDatabase(local.urls.app, { max: 8 });
    closers.push(() => seeder.$pool.end({ timeout: 1 }));
    const targets: Target[] = [];
    const orgs = Array.from({ length: TENANTS }, (_, i) => `org_bench_${String(i).padStart(2, '0')}`);
    await Promise.all(
      orgs.map((orgId) =>
        withTenantOn(seeder, { orgId, userId: 'bench' }, async (tx) => {
          await tx.execute(
            sql`insert into organizations (organization_id, name, slug) values (${orgId}, ${orgId}, ${orgId})`,
          );
          const rows = await tx
            .insert(projects)
            .values(
              Array.from({ length: PROJECTS_PER_TENANT }, (_, i) => ({
                organizationId: orgId,
                name: `Site ${i}`,
                createdBy: 'bench',
              })),
            )
            .returning({ id: projects.id });
          for (const r of rows) targets.push({ orgId, id: r.id });
        }),
      ),
    );
    const admin = postgres(local.server.superuserUrl(database), { max: 1, onnotice: () => {} });
    await admin`analyze projects`;
    const [row] = await admin<{ version: string }[]>`select current_setting('server_version') as version`;
    await admin.end();
    const version = row?.version ?? '?';
    console.log(
      `PostgreSQL ${version}, Node ${process.version}; ${targets.length} projects in ${TENANTS} tenants; ` +
        `${SAMPLES} samples per query after ${WARMUP} warm-up, interleaved, one connection per pool`,
    );

    const urls = { superuser: local.server.superuserUrl(database), app: local.urls.app };
    for (const prepare of [true, false]) {
      const { list, close } = variants(urls, prepare);
      closers.push(close);
      const { stats, wrong } = await measure(list, targets);
      table(`prepare: ${prepare}${prepare ? '' : ' (PgBouncer transaction mode)'}`, list, stats);
      if (wrong > 0) console.log(`!! ${wrong} fetches did not return their row`);
    }
    console.log(`\n(${((Date.now() - began) / 1000).toFixed(1)} s in all)`);
  } finally {
    await Promise.all(closers.map((c) => c()));
    await su.unsafe(`drop database if exists "${database}" with (force)`).catch(() => {});
    await su.end();
    await local.server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
