/**
 * Connections for integration tests: the app role through db/client (as the
 * app runs), plus owner and superuser handles for arranging and inspecting.
 */
import postgres from 'postgres';
import { createDatabase, type Database } from '@/db/client';

type Urls = { owner: string; app: string; public: string };
/** Straight to PostgreSQL, or through the run's PgBouncer in transaction mode (tests/setup/global-database.ts). */
export type Route = 'direct' | 'pgbouncer';

let current: { urls: Urls; superuserUrl: string; pgbouncerPort: number } | undefined;
const opened: { end: (o?: { timeout?: number }) => Promise<void> }[] = [];

function need() {
  if (!current) throw new Error('tests/setup/file-database.ts did not run: is this an *.int.test.ts file?');
  return current;
}

export const testDatabase = {
  configure(urls: Urls & { superuser: string }, pgbouncerPort: number) {
    current = { urls: { owner: urls.owner, app: urls.app, public: urls.public }, superuserUrl: urls.superuser, pgbouncerPort };
  },
  get urls(): Urls {
    return need().urls;
  },
  /** `url` of this test database, reached through PgBouncer (transaction mode) instead. */
  viaPgBouncer(url: string): string {
    return Object.assign(new URL(url), { port: String(need().pgbouncerPort) }).toString();
  },
  /**
   * A Drizzle database on its own brave_app pool (e.g. a tiny pool for the leak test).
   * Through PgBouncer, `prepare` must be false, as DATABASE_PREPARE=false in production.
   */
  app(opts: { max?: number; prepare?: boolean; route?: Route } = {}): Database {
    if (opts.route === 'pgbouncer' && opts.prepare !== false) throw new Error('through PgBouncer (transaction mode) pass prepare: false');
    const url = opts.route === 'pgbouncer' ? this.viaPgBouncer(need().urls.app) : need().urls.app;
    const db = createDatabase(url, opts);
    opened.push(db.$pool);
    return db;
  },
  /** Raw postgres.js as brave_app, the owner, or the superuser of this test database. */
  sql(role: 'app' | 'owner' | 'superuser' | 'public', opts: { max?: number; route?: Route } = {}) {
    const { urls, superuserUrl } = need();
    const direct = role === 'superuser' ? superuserUrl : urls[role];
    const url = opts.route === 'pgbouncer' ? this.viaPgBouncer(direct) : direct;
    const sql = postgres(url, { max: opts.max ?? 2, onnotice: () => {}, ...(opts.route === 'pgbouncer' ? { prepare: false } : {}) });
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
