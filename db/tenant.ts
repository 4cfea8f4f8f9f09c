import 'server-only';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { appDb, type Database, type Tx } from './client';

export type { Tx };

/** Who is acting, for which organization. Built from auth() only (lib/auth). */
export interface TenantScope {
  orgId: string;
  userId: string;
}

/**
 * Clerk ids (`org_2abc…`, `user_2abc…`) and our seeded ids use only these
 * characters. The strict charset is what makes the literal below safe.
 */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Checked at run time too: the types are the callers' promise, the values may come from anywhere. */
function checkedId(name: string, value: unknown): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new Error(`${name}: not a valid id`);
  return value;
}

/**
 * A SQL string literal of a validated id, re-checked here so no caller can
 * skip the check; quotes are doubled as well, so the literal would stay one
 * literal even if the charset above ever grew a quote.
 */
function literal(value: string): string {
  if (!ID.test(value)) throw new Error('refusing to render an unvalidated id');
  return `'${value.replaceAll("'", "''")}'`;
}

/** The connection itself is gone (closed, killed, timed out), not just one statement failed. */
const LOST = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  // The socket's own errors, as postgres.js passes them on: a backend killed mid-transaction can
  // surface as ECONNRESET, and a ROLLBACK sent on that connection never answers.
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
function connectionLost(e: unknown): boolean {
  if (e instanceof postgres.PostgresError) return e.severity === 'FATAL' || e.severity === 'PANIC';
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && LOST.has(code);
}

/**
 * One transaction whose settings are transaction-local (`SET LOCAL`, as
 * `set_config(…, true)`), so a pooled connection carries nothing to its next
 * borrower, in as few round trips as the protocol allows.
 *
 * postgres.js's `sql.begin` awaits BEGIN alone before the callback runs. The
 * door instead reserves a connection and writes `begin; set local …` as ONE
 * simple-protocol message without awaiting it, so it leaves in the same packet
 * as the callback's first query: BEGIN + tenant + first query cost one round
 * trip, COMMIT one more (a read doesn't wait for it: Mode below). SET LOCAL
 * rather than `select set_config(…)`: utility statements return no row to
 * describe, send or parse (bench/door.ts measured the difference). Simple
 * protocol takes no bind parameters, so the ids (held to `[A-Za-z0-9_-]`
 * above) are rendered as quoted literals; `current_user` is a keyword, hence
 * the quoted `app."current_user"` (the same setting `app.current_user`).
 *
 * What `sql.begin` guaranteed is kept here: rollback when the callback throws
 * or when any of its statements failed (even one it caught), nothing run on
 * the connection after the transaction ended, and the connection goes back
 * to the pool only after a COMMIT or ROLLBACK the server acknowledged; one
 * that was lost is left to the pool's reconnect (releasing it would poison
 * the pool: porsager/postgres#1199). See docs/architecture.md.
 */
async function scoped<T>(db: Database, orgId: string | null, userId: string, fn: (tx: Tx) => Promise<T>, mode: Mode): Promise<T> {
  const begin = mode === 'read' ? 'begin read only' : 'begin';
  const opening =
    orgId === null
      ? `${begin}; set local app."current_user" = ${literal(userId)}`
      : `${begin}; set local app.current_org = ${literal(orgId)}; set local app."current_user" = ${literal(userId)}`;
  const conn = await db.$pool.reserve();
  const state = { open: true, lost: false, failure: undefined as unknown };
  const guarded = new Proxy(conn, {
    get(target, prop, receiver) {
      if (prop !== 'unsafe') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<typeof target.unsafe>) => {
        if (state.lost) throw state.failure;
        if (!state.open) throw new Error('a query after its tenant transaction ended');
        const query = target.unsafe(...args);
        query.catch((e: unknown) => {
          state.failure ??= e;
          if (connectionLost(e)) state.lost = true;
        });
        return query;
      };
    },
    // Drizzle only calls `unsafe`; a tagged-template call would bypass the bookkeeping above.
    apply() {
      throw new Error('the door takes Drizzle queries only');
    },
  });

  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    // Sent, not awaited: the callback's first query joins it in the same flight.
    const begun = guarded.unsafe(opening);
    const value = await fn(db.$transactionOn(guarded));
    await begun;
    // A statement the callback caught still aborted the transaction: never COMMIT over it.
    outcome = state.failure === undefined ? { ok: true, value } : { ok: false, error: state.failure };
  } catch (e) {
    // "current transaction is aborted" says less than the statement that aborted it.
    const aborted = e instanceof postgres.PostgresError && e.code === '25P02';
    outcome = { ok: false, error: aborted && state.failure !== undefined ? state.failure : e };
  }
  state.open = false;
  if (state.lost) throw outcome.ok ? state.failure : outcome.error;
  if (mode === 'read' && outcome.ok) {
    commitBehind(conn);
    return outcome.value;
  }

  let ended: postgres.RowList<postgres.Row[]>;
  try {
    ended = await conn.unsafe(outcome.ok ? 'commit' : 'rollback');
  } catch (e) {
    // A failed COMMIT (a deferred constraint, a serialization failure) ends the transaction on a
    // live connection; a failed ROLLBACK or a lost connection leaves nothing we could hand on.
    if (outcome.ok && !connectionLost(e)) conn.release();
    throw outcome.ok ? e : outcome.error;
  }
  conn.release();
  if (!outcome.ok) throw outcome.error;
  if (ended.command !== 'COMMIT') throw new Error(`the transaction ended with ${ended.command}, not COMMIT`);
  return outcome.value;
}

/**
 * 'read': a READ ONLY transaction whose result is handed back as soon as the
 * callback settled, with COMMIT sent behind it (commitBehind). A read-only
 * transaction has nothing for COMMIT to keep or lose — PostgreSQL refuses any
 * write in it (25006) — so waiting for COMMIT's reply only adds a round trip
 * to every read. 'write': COMMIT is awaited, as a write must know it held.
 */
type Mode = 'read' | 'write';

/**
 * Ends a read's transaction after its result was returned. The connection
 * still goes back to the pool only once the server acknowledged the end, so
 * its next borrower can't see this transaction's settings; a lost one is left
 * to the pool's reconnect, as in scoped(). A read whose COMMIT came back as
 * ROLLBACK had a statement fail that its callback never awaited: its answer was
 * already built from the statements it did await, and the failure is logged.
 */
function commitBehind(conn: postgres.ReservedSql): void {
  conn.unsafe('commit').then(
    (ended) => {
      if (ended.command !== 'COMMIT') console.error(`[door] a read transaction ended with ${ended.command}: a statement its callback did not await failed`);
      conn.release();
    },
    (e: unknown) => {
      if (!connectionLost(e)) conn.release();
      console.error('[door] the COMMIT of a read transaction failed', e);
    },
  );
}

/** Run `fn` in one transaction in which PostgreSQL RLS sees only `scope.orgId`. */
export async function withTenantOn<T>(db: Database, scope: TenantScope, fn: (tx: Tx) => Promise<T>, mode: Mode = 'write'): Promise<T> {
  const orgId = checkedId('orgId', scope.orgId);
  const userId = checkedId('userId', scope.userId);
  return scoped(db, orgId, userId, fn, mode);
}

/** THE door to tenant data: every page, action, route and job goes through it. */
export async function withTenant<T>(scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantOn(appDb(), scope, fn);
}

/**
 * The door for a read: the same tenant settings and RLS in a READ ONLY
 * transaction, answered one round trip sooner (see Mode). Pages, API GETs and
 * the org's facts read through it; anything that writes, even an audit row,
 * takes withTenant — here the write is refused by PostgreSQL.
 */
export async function withTenantRead<T>(scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantOn(appDb(), scope, fn, 'read');
}

/**
 * A user acting outside any organization: their own `users` row and the list
 * of their memberships (to pick an org). No tenant table row is visible here
 * except through those two policies.
 */
export async function withIdentityOn<T>(db: Database, userId: string, fn: (tx: Tx) => Promise<T>, mode: Mode = 'write'): Promise<T> {
  return scoped(db, null, checkedId('userId', userId), fn, mode);
}

export async function withIdentity<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withIdentityOn(appDb(), userId, fn);
}

/** withIdentity for a read (the account menu, the org picker): READ ONLY, answered before COMMIT's reply. */
export async function withIdentityRead<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withIdentityOn(appDb(), userId, fn, 'read');
}

/**
 * Inside an open withIdentity transaction, run `fn` as the tenant `orgId`:
 * `app.current_org` is set transaction-locally for `fn` and cleared after it,
 * so RLS admits that organization's rows only while `fn` runs. For the one
 * writer that acts on a person across their organizations in one atomic
 * transaction: a Clerk `user.*` webhook recording its audit entry in every
 * organization the user belongs to (lib/tenancy/clerk-sync.ts). The org id
 * must come from rows RLS already showed this user (their memberships).
 */
export async function asTenantWithin<T>(tx: Tx, orgId: string, fn: () => Promise<T>): Promise<T> {
  const org = checkedId('orgId', orgId);
  await tx.execute(sql.raw(`select set_config('app.current_org', ${literal(org)}, true)`));
  const result = await fn();
  await tx.execute(sql.raw(`select set_config('app.current_org', '', true)`));
  return result;
}
