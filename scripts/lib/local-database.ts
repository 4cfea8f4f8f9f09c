/**
 * Bootstraps the embedded default: a PostgreSQL cluster under .data/, the
 * owner role and database, the migrations, and passwords for the login roles.
 * Production never runs this: there DATABASE_URL/DATABASE_OWNER_URL point at a
 * managed server whose DBA created brave_owner and set the role passwords.
 */
import { createHmac } from 'node:crypto';
import postgres from 'postgres';
import { runMigrations } from '@/db/migrate';
import { installJobQueues } from '@/lib/jobs/install';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export interface DatabaseUrls {
  owner: string;
  app: string;
  public: string;
}

export interface LocalDatabase {
  server: EmbeddedPostgres;
  urls: DatabaseUrls;
  /** URLs of another database on the same cluster (tests clone the template). */
  urlsFor(database: string): DatabaseUrls;
}

const ROLES = ['brave_owner', 'brave_app', 'brave_public'] as const;

export async function startLocalDatabase(opts: {
  dir: string;
  port?: number;
  database?: string;
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<LocalDatabase> {
  const server = await startEmbeddedPostgres(opts);
  const database = opts.database ?? 'brave';
  // Stable per cluster, never stored: derived from the superuser secret under .data/.
  const password = (role: string) =>
    createHmac('sha256', server.secret).update(role).digest('base64url').slice(0, 32);
  const url = (role: string, db: string) =>
    `postgres://${role}:${password(role)}@127.0.0.1:${server.port}/${db}`;
  const urlsFor = (db: string): DatabaseUrls => ({
    owner: url('brave_owner', db),
    app: url('brave_app', db),
    public: url('brave_public', db),
  });

  const su = postgres(server.superuserUrl(), { max: 1, onnotice: () => {} });
  try {
    const [owner] = await su`select 1 from pg_roles where rolname = 'brave_owner'`;
    if (!owner) await su.unsafe(`create role brave_owner login createrole nosuperuser nobypassrls`);
    await su.unsafe(`alter role brave_owner password '${password('brave_owner')}'`);
    const [db] = await su`select 1 from pg_database where datname = ${database}`;
    if (!db) await su.unsafe(`create database "${database}" owner brave_owner`);
  } finally {
    await su.end();
  }

  const urls = urlsFor(database);
  await runMigrations(urls.owner);
  await installJobQueues(urls.owner);

  const su2 = postgres(server.superuserUrl(), { max: 1, onnotice: () => {} });
  try {
    for (const role of ROLES.slice(1)) await su2.unsafe(`alter role ${role} password '${password(role)}'`);
  } finally {
    await su2.end();
  }
  return { server, urls, urlsFor };
}
