import 'server-only';
import postgres from 'postgres';
import { env } from '@/lib/env';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * TLS policy: a non-local server gets TLS unless DATABASE_SSL=disable says
 * otherwise; an explicit `sslmode` in the URL is left to postgres.js.
 */
export function sslFor(url: string): postgres.Options<Record<string, postgres.PostgresType>>['ssl'] {
  const u = new URL(url);
  if (u.searchParams.has('sslmode')) return undefined;
  if (env.DATABASE_SSL === 'disable') return false;
  if (env.DATABASE_SSL === 'verify-full') return 'verify-full';
  return LOCAL_HOSTS.has(u.hostname) ? false : 'require';
}

/** A postgres.js pool with the project's connection policy. */
export function openPool(url: string, opts: { max?: number; prepare?: boolean } = {}) {
  return postgres(url, {
    max: opts.max ?? env.DATABASE_POOL_MAX,
    prepare: opts.prepare ?? env.DATABASE_PREPARE === 'true',
    ssl: sslFor(url),
    onnotice: () => {},
    connection: { application_name: 'brave-forms' },
    // Fail fast while the database is down (requests answer 503 at once instead of queueing
    // behind postgres.js's default backoff of up to 20 s), and retry at most every second.
    connect_timeout: 5,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  });
}
