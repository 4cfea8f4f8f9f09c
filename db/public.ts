import 'server-only';
import { sql } from 'drizzle-orm';
import { appDb, publicDb, type Database } from './client';
import type { Tx } from './tenant';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The public QR page's door (docs/inspector-page.md): one transaction on the
 * brave_public pool in which `open_inspector_link(hash)` (drizzle/0011) sets
 * the transaction-local `app.inspector_token`. brave_public's policies admit
 * only published rows of the project whose live link has that hash; the
 * function takes the token's SHA-256, never an org id, and nothing else sets it.
 *
 * Like withTenant, the setting is pipelined with the callback's first query,
 * so the hash is rendered as a literal: it is held to 64 lowercase hex digits
 * here and again by the function itself.
 */
export async function withInspectorLinkOn<T>(db: Database, tokenHash: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!SHA256_HEX.test(tokenHash)) throw new Error('withInspectorLink expects a SHA-256 hex digest');
  return db.transaction(async (tx) => {
    const opened = tx.execute(sql.raw(`select public.open_inspector_link('${tokenHash}')`)).then(() => undefined);
    const [, result] = await Promise.all([opened, fn(tx)]);
    return result;
  });
}

export async function withInspectorLink<T>(tokenHash: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withInspectorLinkOn(publicDb(), tokenHash, fn);
}

/**
 * A brave_app transaction with no tenant and no user set: every tenant table
 * shows 0 rows and refuses every write (RLS), so only the shared tables
 * without organization_id (public_access_events) are reachable. Used to count
 * wrong QR tokens, which name no organization.
 */
async function withoutTenantOn<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

export async function withoutTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withoutTenantOn(appDb(), fn);
}
