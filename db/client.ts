import 'server-only';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle, PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { env } from '@/lib/env';
import { openPool, preferPrepared } from './connection';

export type Database = ReturnType<typeof createDatabase>;

/**
 * No relational schema: nothing here uses Drizzle's relational queries
 * (`tx.query.*`), and a transaction object built with one constructs a query
 * builder per table — 35 of them, ~24 µs of CPU on every pass through the door
 * (bench/door.ts: "door, read, + relational schema").
 */
type NoRelations = Record<string, never>;

/** What the door's callback gets: Drizzle's transaction type, on one connection. */
export type Tx = PostgresJsTransaction<NoRelations, ExtractTablesWithRelations<NoRelations>>;

/**
 * The door's transaction: a reserved connection has no `savepoint`, so a
 * nested `tx.transaction()` is refused with a clear message (nothing nests today).
 */
class DoorTransaction extends PostgresJsTransaction<NoRelations, ExtractTablesWithRelations<NoRelations>> {
  override transaction<T>(): Promise<T> {
    return Promise.reject(new Error('nested transactions (savepoints) are not supported inside the tenant door'));
  }
}

/** Drizzle over a postgres.js pool; tests build their own with a small `max`. */
export function createDatabase(url: string, opts: { max?: number; prepare?: boolean } = {}) {
  const client = openPool(url, opts);
  const prepare = opts.prepare ?? env.DATABASE_PREPARE === 'true';
  const driver = prepare ? preferPrepared(client) : client;
  const db = drizzle(driver, { casing: 'snake_case' });
  // The same dialect settings as `db`, for transactions the door opens itself.
  const dialect = new PgDialect({ casing: 'snake_case' });
  /**
   * Drizzle's transaction object over one reserved connection of this pool,
   * without the BEGIN/COMMIT of `db.transaction`: db/tenant.ts opens and ends
   * the transaction itself, so BEGIN can travel with the first query.
   */
  const transactionOn = (conn: postgres.ReservedSql): Tx => {
    // The session only calls `unsafe` on its client; `savepoint` is what DoorTransaction refuses.
    // (Drizzle's own types want a TransactionSql, which postgres.js does not declare as an Sql.)
    const client = (prepare ? preferPrepared(conn) : conn) as unknown as postgres.Sql;
    const session = new PostgresJsSession(client, dialect, undefined);
    return new DoorTransaction(dialect, session as unknown as ConstructorParameters<typeof DoorTransaction>[1], undefined);
  };
  return Object.assign(db, { $pool: client, $transactionOn: transactionOn });
}

// Survives dev hot reloads without opening a new pool per edit.
const globals = globalThis as unknown as { __braveApp?: Database; __bravePublic?: Database };

function required(name: 'DATABASE_URL' | 'DATABASE_PUBLIC_URL', value: string | undefined): string {
  if (!value) {
    throw new Error(`${name} is not set. Start the app with \`npm run dev\` (embedded PostgreSQL) or set it to a server.`);
  }
  return value;
}

/** The pool every tenant request uses: role brave_app, RLS enforced. */
export function appDb(): Database {
  globals.__braveApp ??= createDatabase(required('DATABASE_URL', env.DATABASE_URL));
  return globals.__braveApp;
}

/** The read-only pool of the public QR page: role brave_public (db/public.ts). */
export function publicDb(): Database {
  globals.__bravePublic ??= createDatabase(required('DATABASE_PUBLIC_URL', env.DATABASE_PUBLIC_URL), { max: 5 });
  return globals.__bravePublic;
}
