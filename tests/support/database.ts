/**
 * Connections for integration tests: the app role through db/client (as the
 * app runs), plus owner and superuser handles for arranging and inspecting.
 */
import postgres from 'postgres';
import { createDatabase, type Database } from '@/db/client';

type Urls = { owner: string; app: string; public: string };

let current: { urls: Urls; superuserUrl: string } | undefined;
const opened: { end: (o?: { timeout?: number }) => Promise<void> }[] = [];

function need() {
  if (!current) throw new Error('tests/setup/file-database.ts did not run: is this an *.int.test.ts file?');
  return current;
}

export const testDatabase = {
  configure(urls: Urls & { superuser: string }) {
    current = { urls: { owner: urls.owner, app: urls.app, public: urls.public }, superuserUrl: urls.superuser };
  },
  get urls(): Urls {
    return need().urls;
  },
  /** A Drizzle database on its own brave_app pool (e.g. a tiny pool for the leak test). */
  app(opts: { max?: number; prepare?: boolean } = {}): Database {
    const db = createDatabase(need().urls.app, opts);
    opened.push(db.$pool);
    return db;
  },
  /** Raw postgres.js as brave_app, the owner, or the superuser of this test database. */
  sql(role: 'app' | 'owner' | 'superuser' | 'public', opts: { max?: number } = {}) {
    const { urls, superuserUrl } = need();
    const url = role === 'superuser' ? superuserUrl : urls[role];
    const sql = postgres(url, { max: opts.max ?? 2, onnotice: () => {} });
    opened.push(sql);
    return sql;
  },
  async closeAll() {
    const globals = globalThis as unknown as { __braveApp?: Database; __bravePublic?: Database };
    await Promise.all([
      ...opened.splice(0).map((c) => c.end({ timeout: 1 })),
      globals.__braveApp?.$pool.end({ timeout: 1 }),
      globals.__bravePublic?.$pool.end({ timeout: 1 }),
    ]);
    globals.__braveApp = undefined;
    globals.__bravePublic = undefined;
  },
};
