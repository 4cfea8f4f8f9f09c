import 'server-only';
import { drizzle } from 'drizzle-orm/postgres-js';
import { env } from '@/lib/env';
import { openPool, preferPrepared } from './connection';
import * as schema from './schema';

export type Database = ReturnType<typeof createDatabase>;

/** Drizzle over a postgres.js pool; tests build their own with a small `max`. */
export function createDatabase(url: string, opts: { max?: number; prepare?: boolean } = {}) {
  const client = openPool(url, opts);
  const prepare = opts.prepare ?? env.DATABASE_PREPARE === 'true';
  const driver = prepare ? preferPrepared(client) : client;
  return Object.assign(drizzle(driver, { schema, casing: 'snake_case' }), { $pool: client });
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
