/**
 * The door's round trips and the guarantees it took over from postgres.js's
 * `sql.begin` (db/tenant.ts, docs/architecture.md "The door"). A TCP relay
 * between the pool and PostgreSQL counts the client's flights (bursts of bytes
 * before the server answers); the same relay counts one more for
 * `db.transaction`, the shape the door had before, so the count can tell them apart.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantOn, type Tx } from './tenant';
import { testDatabase } from '@/tests/support/database';
import { tcpRelay } from '@/tests/support/tcp-relay';

const scope = { orgId: 'org_trip', userId: 'user_trip' };

/** A relay that logs which side spoke, in order; `flights()` counts the client's bursts since `reset()`. */
function relay() {
  let log: ('c' | 's')[] = [];
  const tcp = tcpRelay(testDatabase.urls.app, { fromClient: () => void log.push('c'), fromServer: () => void log.push('s') });
  return {
    listen: tcp.listen,
    close: tcp.close,
    reset: () => (log = []),
    flights: () => log.filter((side, i) => side === 'c' && log[i - 1] !== 'c').length,
    /** The server's bursts since `reset()`: the answers a caller could have waited for. */
    answers: () => log.filter((side, i) => side === 's' && log[i - 1] !== 's').length,
  };
}

let tap: ReturnType<typeof relay>;
let tappedUrl: string;

beforeAll(async () => {
  tap = relay();
  tappedUrl = await tap.listen();
});
afterAll(() => tap.close());

const byId = (tx: Pick<Tx, 'execute'>, id: string) =>
  tx.execute(sql`select ${id}::text as id, current_setting('app.current_org', true) as org`);

describe.each([
  { prepare: true, door: 2, old: 3 },
  { prepare: false, door: 3, old: 4 },
])('round trips of a one-query request (prepare: $prepare)', ({ prepare, door, old }) => {
  it(`the door: ${door} flights (BEGIN + tenant + query in the first)`, async () => {
    const { createDatabase } = await import('./client');
    const db = createDatabase(tappedUrl, { max: 1, prepare });
    try {
      // Warm up: the connection, postgres.js's type fetch and (prepare: true) the statement.
      await withTenantOn(db, scope, (tx) => byId(tx, 'warm'));
      tap.reset();
      const rows = await withTenantOn(db, scope, (tx) => byId(tx, 'x'));
      expect(rows).toEqual([{ id: 'x', org: scope.orgId }]);
      expect(tap.flights()).toBe(door);
    } finally {
      await db.$pool.end({ timeout: 1 });
    }
  });

  it(`a read answers before COMMIT's reply: ${door - 1} server answers awaited (a write waits for ${door})`, async () => {
    const { createDatabase } = await import('./client');
    const db = createDatabase(tappedUrl, { max: 1, prepare });
    // Read when the door's promise settles, before any later I/O: the answers the caller waited for.
    const awaited = async (mode: 'read' | 'write') => {
      // Warmed up through the write door: a read's COMMIT reply would land after reset() and be counted.
      await withTenantOn(db, scope, (tx) => byId(tx, 'warm'));
      tap.reset();
      const rows = await withTenantOn(db, scope, (tx) => byId(tx, mode), mode);
      const answers = tap.answers();
      expect(rows).toEqual([{ id: mode, org: scope.orgId }]);
      return answers;
    };
    try {
      // The write door is the control: the same relay counts COMMIT's reply in it.
      expect({ read: await awaited('read'), write: await awaited('write') }).toEqual({ read: door - 1, write: door });
      // And the read's COMMIT did go out: the connection serves the next transaction.
      expect(await withTenantOn(db, scope, (tx) => byId(tx, 'after'), 'read')).toEqual([
        { id: 'after', org: scope.orgId },
      ]);
    } finally {
      await db.$pool.end({ timeout: 1 });
    }
  });

  it(`negative control: db.transaction with the settings pipelined takes ${old}`, async () => {
    const { createDatabase } = await import('./client');
    const db = createDatabase(tappedUrl, { max: 1, prepare });
    const run = () =>
      db.transaction(async (tx) => {
        const settings = tx.execute(sql.raw(`select set_config('app.current_org', '${scope.orgId}', true)`));
        const [, rows] = await Promise.all([settings, byId(tx, 'x')]);
        return rows;
      });
    try {
      await run();
      tap.reset();
      expect(await run()).toEqual([{ id: 'x', org: scope.orgId }]);
      expect(tap.flights()).toBe(old);
    } finally {
      await db.$pool.end({ timeout: 1 });
    }
  });
});

describe('what sql.begin guaranteed, the door keeps', () => {
  it('a failed statement the callback caught still rolls the transaction back, and the door throws it', async () => {
    const db = testDatabase.app({ max: 1 });
    const su = testDatabase.sql('superuser', { max: 1 });
    await expect(
      withTenantOn(db, scope, async (tx) => {
        await tx.execute(sql`insert into organizations (organization_id, name, slug) values (${scope.orgId}, 'Trip', 'trip')`);
        await tx.execute(sql`select 1/0`).catch(() => 'swallowed');
        return 'committed?';
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await su`select 1 from organizations where organization_id = ${scope.orgId}`).toHaveLength(0);
    // And the connection went back clean: the next request on the one-connection pool runs.
    expect(await withTenantOn(db, scope, (tx) => byId(tx, 'after'))).toEqual([{ id: 'after', org: scope.orgId }]);
  });

  it('refuses a query the callback leaves behind after the transaction ended', async () => {
    const db = testDatabase.app({ max: 1 });
    let late: (() => Promise<unknown>) | undefined;
    await withTenantOn(db, scope, async (tx) => {
      late = () => byId(tx, 'late');
    });
    // Drizzle wraps the driver's error; the door's refusal is its cause.
    const error = await late!().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).cause).toEqual(new Error('a query after its tenant transaction ended'));
  });

  it('a read is READ ONLY: a write in it is refused and leaves nothing', async () => {
    const db = testDatabase.app({ max: 1 });
    const su = testDatabase.sql('superuser', { max: 1 });
    const insert = (tx: Tx) =>
      tx.execute(
        sql`insert into organizations (organization_id, name, slug) values (${scope.orgId}, 'Trip', 'trip-ro')`,
      );
    // Drizzle wraps the driver's error; PostgreSQL's refusal (25006) is its cause.
    const refused = await withTenantOn(db, scope, insert, 'read').then(
      () => undefined,
      (e: unknown) => (e as Error).cause,
    );
    expect(refused).toMatchObject({ code: '25006', message: expect.stringMatching(/read-only transaction/) });
    expect(await su`select 1 from organizations where organization_id = ${scope.orgId}`).toHaveLength(0);
    // Control: the same insert passes in the write door (rolled back here by a planned throw).
    const control = withTenantOn(db, scope, async (tx) => {
      await insert(tx);
      throw new Error('inserted, rolled back');
    });
    await expect(control).rejects.toThrow('inserted, rolled back');
  });

  it('a pool ended right after a read closes once its COMMIT is answered (patches/: release while ending)', async () => {
    const { createDatabase } = await import('./client');
    const db = createDatabase(testDatabase.urls.app, { max: 1 });
    await withTenantOn(db, scope, (tx) => byId(tx, 'last'), 'read');
    // No timeout: without the patch the released connection idles in the pool and end() never settles.
    const ended = await Promise.race([
      db.$pool.end().then(() => 'ended'),
      new Promise((r) => setTimeout(() => r('hung'), 3_000)),
    ]);
    expect(ended).toBe('ended');
  });

  it('refuses a nested transaction with a clear message', async () => {
    const db = testDatabase.app({ max: 1 });
    await expect(withTenantOn(db, scope, (tx) => tx.transaction(async () => 1))).rejects.toThrow(/nested transactions/);
  });

  it('a connection killed mid-transaction fails the request and the pool serves again', async () => {
    const db = testDatabase.app({ max: 1 });
    const su = testDatabase.sql('superuser', { max: 1 });
    await expect(
      withTenantOn(db, scope, async (tx) => {
        const [me] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        await su`select pg_terminate_backend(${me!.pid})`;
        return tx.execute(sql`select 1`);
      }),
    ).rejects.toThrow();
    // postgres.js may fail the first statement after the reconnect with the old connection's error
    // (sql.begin does the same); what must not happen is a pool that never answers again.
    const attempts: unknown[] = [];
    for (let i = 0; i < 3 && !Array.isArray(attempts.at(-1)); i++) {
      attempts.push(
        await Promise.race([
          withTenantOn(db, scope, (tx) => byId(tx, 'next')).catch((e: unknown) => (e as Error).message),
          new Promise((r) => setTimeout(() => r('hung'), 5_000)),
        ]),
      );
    }
    expect(attempts).not.toContain('hung');
    expect(attempts.at(-1)).toEqual([{ id: 'next', org: scope.orgId }]);
  });

  it('a request queued behind a killed connection gets the reconnected one (patches/: porsager/postgres#1195)', async () => {
    const db = testDatabase.app({ max: 1 });
    const su = testDatabase.sql('superuser', { max: 1 });
    let queued: Promise<unknown> | undefined;
    await withTenantOn(db, scope, async (tx) => {
      const [me] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
      // Waits for the pool's only connection, which is about to die.
      queued = withTenantOn(db, scope, (t) => byId(t, 'queued'));
      await su`select pg_terminate_backend(${me!.pid})`;
      await new Promise((r) => setTimeout(r, 200));
    }).catch(() => {});
    const got = await Promise.race([queued!.catch((e: unknown) => (e as Error).message), new Promise((r) => setTimeout(() => r('hung'), 5_000))]);
    expect(got).toEqual([{ id: 'queued', org: scope.orgId }]);
  });

  it('negative control: releasing that dead connection (what the door avoids) hangs the pool', async () => {
    const pool = postgres(testDatabase.urls.app, { max: 1, onnotice: () => {} });
    const su = testDatabase.sql('superuser', { max: 1 });
    const conn = await pool.reserve();
    const [me] = await conn<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await su`select pg_terminate_backend(${me!.pid})`;
    await expect(conn`select 1`).rejects.toThrow();
    conn.release(); // porsager/postgres#1199
    const next = await Promise.race([
      pool`select 1 as one`.catch(() => 'failed'),
      new Promise((r) => setTimeout(() => r('hung'), 2_000)),
    ]);
    expect(next).not.toEqual([{ one: 1 }]);
    await pool.end({ timeout: 0 }).catch(() => {});
  });
});
