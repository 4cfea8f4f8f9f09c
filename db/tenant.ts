import 'server-only';
import { sql } from 'drizzle-orm';
import { appDb, type Database } from './client';

/** Who is acting, for which organization. Built from auth() only (lib/auth). */
export interface TenantScope {
  orgId: string;
  userId: string;
}

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

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

/** A SQL string literal of a validated id; re-checked here so no caller can skip the check. */
function literal(value: string): string {
  if (!ID.test(value)) throw new Error('refusing to render an unvalidated id');
  return `'${value}'`;
}

/**
 * One transaction whose settings are transaction-local (`set_config(..., true)`),
 * so a pooled connection carries nothing to its next borrower.
 *
 * The set_config statement is pipelined with the callback's first query
 * instead of being awaited alone: one round trip fewer per request. That only
 * works for a statement without bind parameters: postgres.js describes every
 * unprepared parameterized statement first (a round trip of its own, and the
 * pipeline waits for it), and behind PgBouncer (DATABASE_PREPARE=false) every
 * statement is unprepared. So the ids, already held to `[A-Za-z0-9_-]` by
 * the check above, are rendered as quoted literals. See docs/architecture.md.
 */
async function scoped<T>(db: Database, orgId: string | null, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const settings =
      orgId === null
        ? tx.execute(sql.raw(`select set_config('app.current_user', ${literal(userId)}, true)`))
        : tx.execute(
            sql.raw(
              `select set_config('app.current_org', ${literal(orgId)}, true), set_config('app.current_user', ${literal(userId)}, true)`,
            ),
          );
    // `.then` sends the statement now; fn's first query queues behind it on the same connection.
    const applied = settings.then(() => undefined);
    const [, result] = await Promise.all([applied, fn(tx)]);
    return result;
  });
}

/** Run `fn` in one transaction in which PostgreSQL RLS sees only `scope.orgId`. */
export async function withTenantOn<T>(db: Database, scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const orgId = checkedId('orgId', scope.orgId);
  const userId = checkedId('userId', scope.userId);
  return scoped(db, orgId, userId, fn);
}

/** THE door to tenant data: every page, action, route and job goes through it. */
export async function withTenant<T>(scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantOn(appDb(), scope, fn);
}

/**
 * A user acting outside any organization: their own `users` row and the list
 * of their memberships (to pick an org). No tenant table row is visible here
 * except through those two policies.
 */
export async function withIdentityOn<T>(db: Database, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scoped(db, null, checkedId('userId', userId), fn);
}

export async function withIdentity<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withIdentityOn(appDb(), userId, fn);
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
