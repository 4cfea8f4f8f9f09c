/**
 * Cross-tenant attacks against every tenant table, as brave_app through the
 * door: tenant B tries to read, change, delete, forge and steal tenant A's
 * rows, and a connection with no tenant (or an ended one) tries the same.
 */
import { getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { withTenant, type Tx } from '@/db/tenant';
import { testDatabase } from '@/tests/support/database';
import {
  addMember,
  createUser,
  rowFactories,
  seedTenant,
  uniqueId,
  type Runner,
  type TenantGraph,
} from '@/tests/support/factories';
import { TENANT_TABLE_SHAPE, TENANT_TABLES, type TenantTable } from '@/tests/support/tenants';

type Executor = Pick<Tx, 'execute'>;

/** The SQLSTATE of a failed query (Drizzle wraps the postgres.js error in `cause`). */
function sqlState(e: unknown): string | undefined {
  for (let cur = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Resolves to the SQLSTATE the promise was rejected with, or 'resolved'. */
async function outcome(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return sqlState(e) ?? String(e);
  }
}

const RLS_VIOLATION = '42501';
/** Evidence tables: brave_app may insert and read, never update or delete (drizzle/0008). */
const APPEND_ONLY = new Set<string>(['audit_log', 'security_events']);
const CHECK_VIOLATION = '23514';

const keyOf = (table: TenantTable) => sql.identifier(TENANT_TABLE_SHAPE[table].key);

function readRow(db: Executor, table: TenantTable, key: string) {
  return db.execute<{ row: Record<string, unknown> }>(
    sql`select to_jsonb(t) as row from ${sql.identifier(table)} t where ${keyOf(table)} = ${key}`,
  );
}

function countRows(db: Executor, table: TenantTable) {
  return db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`).then((r) => r[0]!.n);
}

let A: TenantGraph;
let B: TenantGraph;
const as = <T>(g: TenantGraph, fn: (tx: Tx) => Promise<T>) => withTenant({ orgId: g.orgId, userId: g.userId }, fn);

beforeAll(async () => {
  A = await seedTenant('a');
  B = await seedTenant('b');
});

describe('the declared list of tenant tables', () => {
  it('matches every table with organization_id in the catalog', async () => {
    const owner = testDatabase.sql('owner');
    const rows = await owner<{ name: string }[]>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)`;
    expect(rows.map((r) => r.name).sort()).toEqual([...TENANT_TABLES].sort());
  });

  it('matches every Drizzle table with an organizationId column in db/schema', () => {
    const fromSchema = (Object.values(schema) as unknown[])
      .filter((v): v is PgTable => is(v, PgTable))
      .filter((t) => getTableConfig(t).columns.some((c) => c.name === 'organizationId' || c.name === 'organization_id'))
      .map((t) => getTableName(t));
    expect(fromSchema.sort()).toEqual([...TENANT_TABLES].sort());
  });
});

describe.each(TENANT_TABLES)('%s', (table) => {
  const { mutable } = TENANT_TABLE_SHAPE[table];

  it("A sees its own row (so B's misses below are not vacuous)", async () => {
    expect(await as(A, (tx) => readRow(tx, table, A.keys[table]))).toHaveLength(1);
  });

  it("B cannot select A's row by its key", async () => {
    expect(await as(B, (tx) => readRow(tx, table, A.keys[table]))).toHaveLength(0);
  });

  it("B's update of A's row touches 0 rows and A's row is unchanged", async () => {
    const [before] = await as(A, (tx) => readRow(tx, table, A.keys[table]));
    const update = as(B, (tx) =>
      tx.execute(
        sql`update ${sql.identifier(table)} set ${sql.identifier(mutable)} = 'pwned' where ${keyOf(table)} = ${A.keys[table]}`,
      ),
    );
    // Append-only logs refuse every UPDATE outright (no grant); the rest filter A's row away.
    if (APPEND_ONLY.has(table)) expect(await outcome(update)).toBe(RLS_VIOLATION);
    else expect((await update).count).toBe(0);
    const [after] = await as(A, (tx) => readRow(tx, table, A.keys[table]));
    expect(after).toEqual(before);
  });

  it("B's delete of A's row touches 0 rows and A's row is still there", async () => {
    const [before] = await as(A, (tx) => readRow(tx, table, A.keys[table]));
    const del = as(B, (tx) => tx.execute(sql`delete from ${sql.identifier(table)} where ${keyOf(table)} = ${A.keys[table]}`));
    // The append-only logs too: brave_app may DELETE them only for an org being deleted (drizzle/0036's
    // guard), and RLS still shows B none of A's rows, so the delete touches nothing.
    expect((await del).count).toBe(0);
    const [after] = await as(A, (tx) => readRow(tx, table, A.keys[table]));
    expect(after).toBeDefined();
    expect(after).toEqual(before);
  });

  it('B cannot insert a row with organization_id = A (even pointing at real A parents)', async () => {
    expect(await outcome(as(B, (tx) => rowFactories[table](tx, A.orgId, A.keys)))).toBe(RLS_VIOLATION);
  });

  it('B cannot move its own row to A', async () => {
    const moved = as(B, (tx) =>
      tx.execute(
        sql`update ${sql.identifier(table)} set organization_id = ${A.orgId} where ${keyOf(table)} = ${B.keys[table]}`,
      ),
    );
    expect(await outcome(moved)).toBe(RLS_VIOLATION);
    expect(await as(B, (tx) => readRow(tx, table, B.keys[table]))).toHaveLength(1);
  });
});

describe('a brave_app connection with no tenant set', () => {
  // A pool of one that never ran a transaction: the setting does not exist (NULL).
  let bare: ReturnType<typeof testDatabase.app>;
  beforeAll(async () => {
    bare = testDatabase.app({ max: 1 });
    const [row] = await bare.execute<{ org: string | null; role: string }>(
      sql`select current_setting('app.current_org', true) as org, current_user as role`,
    );
    expect(row).toEqual({ org: null, role: 'brave_app' });
  });

  it.each(TENANT_TABLES)('%s: a select returns 0 rows and an insert is refused', async (table) => {
    expect(await countRows(bare, table)).toBe(0);
    expect(await outcome(rowFactories[table](bare as Runner, A.orgId, A.keys))).toBe(RLS_VIOLATION);
  });
});

describe("a brave_app connection whose local setting ended (app.current_org = '')", () => {
  let ended: ReturnType<typeof testDatabase.app>;
  beforeAll(async () => {
    ended = testDatabase.app({ max: 1 });
    await ended.transaction((tx) => tx.execute(sql`select set_config('app.current_org', ${A.orgId}, true)`));
    const [row] = await ended.execute<{ org: string | null }>(
      sql`select current_setting('app.current_org', true) as org`,
    );
    expect(row).toEqual({ org: '' });
  });

  it.each(TENANT_TABLES)('%s: a select returns 0 rows and an insert is refused', async (table) => {
    expect(await countRows(ended, table)).toBe(0);
    expect(await outcome(rowFactories[table](ended as Runner, A.orgId, A.keys))).toBe(RLS_VIOLATION);
  });

  it.each(TENANT_TABLES)(
    "%s: a row with organization_id = '' passes the policy ('' = '') but the CHECK refuses it",
    async (table) => {
      expect(await outcome(rowFactories[table](ended as Runner, '', A.keys))).toBe(CHECK_VIOLATION);
    },
  );
});

describe('users (not a tenant table)', () => {
  let aMember: string;
  let loner: string;
  beforeAll(async () => {
    aMember = await createUser(uniqueId('user', 'a2'), A.orgId);
    await addMember(A.orgId, aMember);
    loner = await createUser(uniqueId('user', 'loner'));
  });

  const visible = (orgId: string, userId: string) =>
    withTenant({ orgId, userId }, (tx) => tx.execute<{ id: string }>(sql`select id from users order by id`)).then((r) =>
      r.map((x) => x.id).sort(),
    );

  it('a user sees themself and the members of the current org only', async () => {
    expect(await visible(A.orgId, A.userId)).toEqual([A.userId, aMember].sort());
    expect(await visible(B.orgId, B.userId)).toEqual([B.userId]);
    // A's owner with B as the current org: themself and B's members, none of A's other members.
    expect(await visible(B.orgId, A.userId)).toEqual([A.userId, B.userId].sort());
    expect(await visible(uniqueId('org', 'empty'), loner)).toEqual([loner]);
  });

  it("a user cannot change, delete or create another user's row", async () => {
    const scope = { orgId: A.orgId, userId: A.userId };
    const updated = await withTenant(scope, (tx) =>
      tx.execute(sql`update users set first_name = 'pwned' where id = ${aMember}`),
    );
    expect(updated.count).toBe(0);
    const deleted = await withTenant(scope, (tx) => tx.execute(sql`delete from users where id = ${aMember}`));
    expect(deleted.count).toBe(0);
    const forged = withTenant(scope, (tx) =>
      tx.insert(schema.users).values({ id: 'user_forged', email: 'f@x.test', emailNormalized: 'f@x.test' }),
    );
    expect(await outcome(forged)).toBe(RLS_VIOLATION);
  });

  it('a connection with no tenant sees no user', async () => {
    expect(await testDatabase.app({ max: 1 }).execute(sql`select id from users`)).toHaveLength(0);
  });
});

describe('organizations seen through a membership', () => {
  const orgs = (orgId: string, userId: string) =>
    withTenant({ orgId, userId }, (tx) =>
      tx.execute<{ id: string }>(sql`select organization_id as id from organizations`),
    ).then((r) => r.map((x) => x.id).sort());

  it('a member of A sees A (the org switcher) while B is the current org', async () => {
    expect(await orgs(B.orgId, A.userId)).toEqual([A.orgId, B.orgId].sort());
  });

  it('a non-member of A does not see A while B is the current org', async () => {
    expect(await orgs(B.orgId, B.userId)).toEqual([B.orgId]);
  });

  it('the membership widens reads only: a member of A acting in B cannot change A', async () => {
    const res = await withTenant({ orgId: B.orgId, userId: A.userId }, (tx) =>
      tx.execute(sql`update organizations set name = 'pwned' where organization_id = ${A.orgId}`),
    );
    expect(res.count).toBe(0);
  });

  it("a user sees their own memberships in other orgs, and nobody else's", async () => {
    const mine = await withTenant({ orgId: B.orgId, userId: A.userId }, (tx) =>
      tx.execute<{ org: string; user: string }>(
        sql`select organization_id as org, user_id as user from memberships where organization_id = ${A.orgId}`,
      ),
    );
    expect(mine.map((m) => m.user)).toEqual([A.userId]);
  });
});

describe('append-only logs', () => {
  it.each([...APPEND_ONLY])('%s: not even its own tenant can update or delete a row', async (table) => {
    const t = table as keyof typeof A.keys;
    const update = as(A, (tx) => tx.execute(sql`update ${sql.identifier(table)} set organization_id = organization_id where ${keyOf(t)} = ${A.keys[t]}`));
    expect(await outcome(update)).toBe(RLS_VIOLATION);
    const del = as(A, (tx) => tx.execute(sql`delete from ${sql.identifier(table)} where ${keyOf(t)} = ${A.keys[t]}`));
    expect(await outcome(del)).toBe(RLS_VIOLATION);
    expect(await as(A, (tx) => readRow(tx, t, A.keys[t]))).toHaveLength(1);
  });
});
