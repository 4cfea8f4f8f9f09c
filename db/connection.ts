import 'server-only';
import fs from 'node:fs';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import postgres from 'postgres';
import { env } from '@/lib/env';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

type SslOption = postgres.Options<Record<string, postgres.PostgresType>>['ssl'];

/** The TLS settings of lib/env.ts; tests pass their own (db/connection-tls.int.test.ts). */
export interface TlsSettings {
  mode?: 'require' | 'verify-full' | 'disable';
  /** PEM file of the CAs to trust with verify-full (else Node's bundle and NODE_EXTRA_CA_CERTS). */
  caFile?: string;
}

const fromEnv = (): TlsSettings => ({ mode: env.DATABASE_SSL, caFile: env.DATABASE_SSL_CA });

/**
 * TLS policy: a non-local server gets TLS unless DATABASE_SSL=disable says
 * otherwise; an explicit `sslmode` in the URL is left to postgres.js.
 * `require` encrypts without checking the certificate (and refuses a server
 * that does not speak TLS); `verify-full` checks the chain and the host name.
 */
export function sslFor(url: string, tls: TlsSettings = fromEnv()): SslOption {
  const u = new URL(url);
  if (u.searchParams.has('sslmode')) return undefined;
  if (tls.mode === 'disable') return false;
  if (tls.mode === 'verify-full') {
    // postgres.js sends no servername for an IP host, and Node then checks the certificate against
    // "localhost": name the URL's host explicitly so an IP in DATABASE_URL is checked as that IP.
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    return {
      ...(tls.caFile ? { ca: fs.readFileSync(tls.caFile, 'utf8') } : {}),
      rejectUnauthorized: true,
      checkServerIdentity: (_servername: string, cert: PeerCertificate) => checkServerIdentity(host, cert),
    };
  }
  if (tls.mode === 'require') return 'require';
  return LOCAL_HOSTS.has(u.hostname) ? false : 'require';
}

/** A postgres.js pool with the project's connection policy. */
export function openPool(url: string, opts: { max?: number; prepare?: boolean; tls?: TlsSettings } = {}) {
  return postgres(url, {
    max: opts.max ?? env.DATABASE_POOL_MAX,
    prepare: opts.prepare ?? env.DATABASE_PREPARE === 'true',
    ssl: sslFor(url, opts.tls),
    onnotice: () => {},
    connection: { application_name: 'brave-forms' },
    // Fail fast while the database is down (requests answer 503 at once instead of queueing
    // behind postgres.js's default backoff of up to 20 s), and retry at most every second.
    connect_timeout: 5,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  });
}

type AnySql = postgres.Sql | postgres.TransactionSql;

/**
 * Drizzle's postgres.js driver sends every query with `prepare: false`, and
 * postgres.js answers that, for a query with parameters, with a Parse/Describe
 * round trip of its own before Bind/Execute — two round trips per query, and
 * a stalled pipeline. On a direct connection we let postgres.js use named
 * prepared statements instead (cached per connection, keyed by the SQL text,
 * which Drizzle generates identically for a query shape). Not used with
 * DATABASE_PREPARE=false (PgBouncer in transaction mode).
 */
export function preferPrepared<S extends AnySql>(sql: S): S {
  const wrapTx = (fn: (tx: postgres.TransactionSql) => unknown) => (tx: postgres.TransactionSql) => fn(preferPrepared(tx));
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      }
      if (prop === 'begin' && 'begin' in target) {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, wrapTx(fn));
        };
      }
      if (prop === 'savepoint' && 'savepoint' in target) {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return (target.savepoint as (...a: unknown[]) => unknown)(...args, wrapTx(fn));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
