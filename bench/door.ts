/**
 * (b) What the tenant door costs on a fetch by id (docs/design.md §8), and where
 * its round trips go. Started as a standalone micro-benchmark (50 tenants ×
 * 200 projects); now one part of `npm run bench`, run on the bench data set.
 *
 *   ping            — `select 1`: one round trip, the unit the others are read in
 *   bare            — superuser, Drizzle, explicit filter, no transaction (the baseline)
 *   bare, .prepare  — the same through a Drizzle named prepared statement
 *   bare, pg.js     — the same as a postgres.js tagged query
 *   door            — withTenantOn (db/tenant.ts) as brave_app: `begin; set local …` as one simple-protocol
 *                     message on a reserved connection, written with the query (one flight), then COMMIT awaited
 *   door, read      — withTenantOn(…, 'read'), what pages and API GETs use: `begin read only`, the same flight,
 *                     the answer handed back once the query returned, COMMIT sent behind it
 *   door, read, + relational schema — the same, also building the Drizzle transaction object with the
 *                     relational schema, as the door did until db/client.ts dropped it (a query builder per table)
 *   previous door   — db.transaction: BEGIN awaited alone, set_config pipelined with the query, COMMIT
 *   naive door      — BEGIN, await set_config alone, query, COMMIT
 *   door, bind params — set_config with bind parameters, "pipelined": postgres.js describes it first, so it is not
 *   one-trip door   — prototype: a reserved postgres.js connection, `begin; select set_config(…)` as one simple
 *                     query, the query and COMMIT all written before any answer is read
 * Each variant has its own one-connection pool; samples are interleaved. Run
 * with prepare on (the app's default) and off, straight to PostgreSQL and off
 * through a real PgBouncer in transaction mode (scripts/lib/pgbouncer.ts; every
 * variant then goes through it, the baseline too).
 */
import postgres from 'postgres';
import { and, eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle, PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import { createDatabase } from '@/db/client';
import { projects } from '@/db/schema';
import { withTenantOn, type Tx } from '@/db/tenant';
import type { Target } from './lib/setup';
import { ratio, sampleInterleaved, type Ratio, type Summary } from './lib/stats';

const fetchById = (db: Pick<Tx, 'select'>, t: Target) =>
  db
    .select({ id: projects.id, organizationId: projects.organizationId, name: projects.name })
    .from(projects)
    .where(and(eq(projects.organizationId, t.orgId), eq(projects.id, t.projectId)))
    .limit(1);

/** Ids are held to [A-Za-z0-9_-] (as in db/tenant.ts) before they become a literal. */
const literal = (id: string) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(`unexpected id ${id}`);
  return `'${id}'`;
};

/**
 * What building a Drizzle transaction object with the relational schema costs:
 * PgDatabase's constructor makes a RelationalQueryBuilder per table.
 */
function relationalSchemaCost(client: postgres.Sql): () => void {
  const db = drizzle(client, { schema, casing: 'snake_case' });
  const dialect = new PgDialect({ casing: 'snake_case' });
  const relational = { fullSchema: db._.fullSchema, schema: db._.schema!, tableNamesMap: db._.tableNamesMap };
  return () => {
    const session = new PostgresJsSession(client, dialect, relational);
    new PostgresJsTransaction(dialect, session as unknown as ConstructorParameters<typeof PostgresJsTransaction>[1], relational);
  };
}

interface DoorVariant {
  name: string;
  stats: Summary;
  /** Against `bare` (Drizzle, no transaction). */
  vsBare: Ratio;
  /** p50 in units of the ping's p50: about how many round trips it waits for. */
  roundTrips: number;
}

export interface DoorResult {
  prepare: boolean;
  /** Straight to PostgreSQL, or through PgBouncer (transaction mode). */
  route: 'direct' | 'pgbouncer';
  variants: DoorVariant[];
  /** The read door / bare: a fetch by id is a read (the target: ≤ 1.3 prepared, ≤ 1.5 unprepared). */
  door: Ratio;
  /** The write door (COMMIT awaited) / bare. */
  doorWrite?: Ratio;
}

export async function measureDoor(o: {
  urls: { superuser: string; app: string };
  targets: Target[];
  warmup: number;
  samples: number;
  prepare: boolean;
  route?: 'direct' | 'pgbouncer';
}): Promise<DoorResult> {
  const pools: { end: () => Promise<unknown> }[] = [];
  const drizzleOn = (url: string) => {
    const db = createDatabase(url, { max: 1, prepare: o.prepare });
    pools.push({ end: () => db.$pool.end({ timeout: 1 }) });
    return db;
  };
  const rawOn = (url: string) => {
    const r = postgres(url, { max: 1, prepare: o.prepare, onnotice: () => {} });
    pools.push({ end: () => r.end({ timeout: 1 }) });
    return r;
  };
  const ping = rawOn(o.urls.superuser);
  const bare = drizzleOn(o.urls.superuser);
  const barePrepared = drizzleOn(o.urls.superuser);
  const bareRaw = rawOn(o.urls.superuser);
  const door = drizzleOn(o.urls.app);
  const readDoor = drizzleOn(o.urls.app);
  const previous = drizzleOn(o.urls.app);
  const naive = drizzleOn(o.urls.app);
  const bound = drizzleOn(o.urls.app);
  const oneTrip = rawOn(o.urls.app);
  const prepared = barePrepared
    .select({ id: projects.id, organizationId: projects.organizationId, name: projects.name })
    .from(projects)
    .where(and(eq(projects.organizationId, sql.placeholder('org')), eq(projects.id, sql.placeholder('id'))))
    .limit(1)
    .prepare('bench_project_by_id');
  const scope = (t: Target) => ({ orgId: t.orgId, userId: 'user_bench' });
  const relationalDoor = drizzleOn(o.urls.app);
  const withRelations = relationalSchemaCost(relationalDoor.$pool);

  const variants = [
    { name: 'ping (select 1)', run: () => ping.unsafe('select 1') },
    { name: 'bare (Drizzle, superuser, no tx)', run: (t: Target) => fetchById(bare, t) },
    { name: 'bare, Drizzle .prepare()', run: (t: Target) => prepared.execute({ org: t.orgId, id: t.projectId }) },
    {
      name: 'bare, postgres.js tagged',
      run: (t: Target) =>
        bareRaw`select id, organization_id, name from projects where organization_id = ${t.orgId} and id = ${t.projectId} limit 1`,
    },
    { name: 'door (withTenantOn)', run: (t: Target) => withTenantOn(door, scope(t), (tx) => fetchById(tx, t)) },
    {
      name: 'door, read (COMMIT behind)',
      run: (t: Target) => withTenantOn(readDoor, scope(t), (tx) => fetchById(tx, t), 'read'),
    },
    {
      name: 'door, read, + relational schema',
      run: (t: Target) =>
        withTenantOn(
          relationalDoor,
          scope(t),
          (tx) => {
            withRelations();
            return fetchById(tx, t);
          },
          'read',
        ),
    },
    {
      name: 'previous door (db.transaction, set_config pipelined)',
      run: (t: Target) =>
        previous.transaction(async (tx) => {
          const settings = tx.execute(
            sql.raw(`select set_config('app.current_org', ${literal(t.orgId)}, true), set_config('app.current_user', 'user_bench', true)`),
          );
          const [, rows] = await Promise.all([settings, fetchById(tx, t)]);
          return rows;
        }),
    },
    {
      name: 'naive door (await set_config)',
      run: (t: Target) =>
        naive.transaction(async (tx) => {
          await tx.execute(
            sql`select set_config('app.current_org', ${t.orgId}, true), set_config('app.current_user', 'user_bench', true)`,
          );
          return fetchById(tx, t);
        }),
    },
    {
      name: 'door, set_config bind params',
      run: (t: Target) =>
        bound.transaction(async (tx) => {
          const settings = tx.execute(
            sql`select set_config('app.current_org', ${t.orgId}, true), set_config('app.current_user', 'user_bench', true)`,
          );
          const [, rows] = await Promise.all([settings, fetchById(tx, t)]);
          return rows;
        }),
    },
    {
      name: 'one-trip floor (raw postgres.js, COMMIT pipelined too)',
      run: async (t: Target) => {
        const c = await oneTrip.reserve();
        try {
          const [, rows] = await Promise.all([
            c.unsafe(
              `begin; select set_config('app.current_org', ${literal(t.orgId)}, true), set_config('app.current_user', 'user_bench', true)`,
            ),
            c`select id, organization_id, name from projects where organization_id = ${t.orgId} and id = ${t.projectId} limit 1`,
            c`commit`,
          ]);
          return rows;
        } finally {
          c.release();
        }
      },
    },
  ];
  try {
    const stats = await sampleInterleaved(variants, {
      warmup: o.warmup,
      samples: o.samples,
      pick: (i) => o.targets[(i * 7919) % o.targets.length]!,
      check: (v, t, rows) => {
        if (v === 0) return;
        const r = rows as { id: string; organizationId?: string; organization_id?: string }[];
        if (r.length !== 1 || r[0]!.id !== t.projectId || (r[0]!.organizationId ?? r[0]!.organization_id) !== t.orgId) {
          throw new Error(`${variants[v]!.name} did not return ${t.orgId}/${t.projectId}`);
        }
      },
    });
    const base = stats[1]!;
    const unit = stats[0]!.p50;
    return {
      prepare: o.prepare,
      route: o.route ?? 'direct',
      variants: variants.map((v, i) => ({
        name: v.name,
        stats: stats[i]!,
        vsBare: ratio(stats[i]!, base),
        roundTrips: stats[i]!.p50 / unit,
      })),
      door: ratio(stats[5]!, base),
      doorWrite: ratio(stats[4]!, base),
    };
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
}
