/**
 * Every door variant of db/tenant.ts leaves nothing on the pooled connection:
 * after a committed and after a failed transaction, `app.current_org` and
 * `app.current_user` read as unset on the same connection. The negative
 * controls rebuild db/tenant.ts with one `SET LOCAL` turned into a
 * session-level `SET` and show the probe catches it, for the
 * tenant door and for the identity door.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import * as tenant from '@/db/tenant';
import { testDatabase } from '@/tests/support/database';

type Doors = typeof tenant;
type Door = (db: Database, fn: (tx: tenant.Tx) => Promise<unknown>) => Promise<unknown>;

const scope = { orgId: 'org_probe', userId: 'user_probe' };

/**
 * How to call each exported door on a given pool. The `…On` variants take the
 * pool (a one-connection pool here, so the read-back hits the connection the
 * door used); the plain ones run on the app's pool (db/client appDb), which
 * the probe then reads back on.
 */
function doorsOf(m: Doors): Record<string, { door: Door; own?: boolean }> {
  return {
    withTenantOn: { door: (db, fn) => m.withTenantOn(db, scope, fn) },
    // The read door hands its answer back before COMMIT's reply: the probe must still find the connection clean.
    'withTenantOn, read': { door: (db, fn) => m.withTenantOn(db, scope, fn, 'read') },
    withTenantRead: { door: (_db, fn) => m.withTenantRead(scope, fn), own: true },
    withIdentityOn: { door: (db, fn) => m.withIdentityOn(db, scope.userId, fn) },
    withTenant: { door: (_db, fn) => m.withTenant(scope, fn), own: true },
    withIdentity: { door: (_db, fn) => m.withIdentity(scope.userId, fn), own: true },
    'withIdentityOn, read': { door: (db, fn) => m.withIdentityOn(db, scope.userId, fn, 'read') },
    withIdentityRead: { door: (_db, fn) => m.withIdentityRead(scope.userId, fn), own: true },
    // A tenant switched on inside an identity transaction (the webhook's user audit rows).
    asTenantWithin: { door: (db, fn) => m.withIdentityOn(db, scope.userId, (tx) => m.asTenantWithin(tx, scope.orgId, () => fn(tx))) },
  };
}

/** What a connection of `db` still carries after `door` ran (and, when `fail`, threw). */
async function leftovers(db: Database, door: Door, fail: boolean): Promise<string[]> {
  const seen = await door(db, async (tx) => {
    const [row] = await tx.execute<{ org: string | null; usr: string | null }>(
      sql`select current_setting('app.current_org', true) as org, current_setting('app.current_user', true) as usr`,
    );
    if (fail) throw new Error('planned failure');
    return row;
  }).catch((e: unknown) => {
    if (!(e instanceof Error && e.message === 'planned failure')) throw e;
    return undefined;
  });
  if (!fail) expect(seen).toBeTruthy();
  const found: string[] = [];
  // Every connection of the pool (max 1 here, but read a few times to be sure).
  for (let i = 0; i < 3; i++) {
    const [row] = await db.execute<{ org: string | null; usr: string | null }>(
      sql`select current_setting('app.current_org', true) as org, current_setting('app.current_user', true) as usr`,
    );
    if (row?.org) found.push(`app.current_org = ${row.org}`);
    if (row?.usr) found.push(`app.current_user = ${row.usr}`);
  }
  return [...new Set(found)];
}

/** A copy of db/tenant.ts with `edit` applied, written under .data/ and imported. */
async function plantedDoors(edit: (src: string) => string): Promise<Doors> {
  const src = fs.readFileSync(path.join(import.meta.dirname, 'tenant.ts'), 'utf8');
  const mutated = edit(src).replace(/from '\.\/([\w-]+)'/g, "from '@/db/$1'");
  expect(mutated).not.toBe(src.replace(/from '\.\/([\w-]+)'/g, "from '@/db/$1'"));
  const dir = path.resolve(import.meta.dirname, '../.data/planted', randomBytes(4).toString('hex'));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'tenant.ts'), mutated);
  try {
    return (await import(/* @vite-ignore */ path.join(dir, 'tenant.ts'))) as Doors;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The pool a door variant runs on: its own one-connection pool, or the app's pool for the plain variants. */
async function poolFor(own: boolean | undefined): Promise<Database> {
  if (!own) return testDatabase.app({ max: 1 });
  const { appDb } = await import('@/db/client');
  return appDb();
}

describe('every door variant leaves nothing behind', () => {
  it('covers every exported door of db/tenant.ts', () => {
    const exported = Object.entries(tenant)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .sort();
    expect(exported).toEqual(
      Object.keys(doorsOf(tenant))
        .filter((k) => !k.includes(','))
        .sort(),
    );
  });

  for (const [name, { door, own }] of Object.entries(doorsOf(tenant))) {
    it.each([false, true])(`${name}: nothing left after a transaction (failed: %s)`, async (fail) => {
      expect(await leftovers(await poolFor(own), door, fail)).toEqual([]);
    });
  }
});

describe('negative controls: a session-level SET planted in a door', () => {
  it('is caught in withIdentity (the identity branch sets app.current_user for the session)', async () => {
    const planted = await plantedDoors((src) =>
      src.replace(
        '? `${begin}; set local app."current_user" = ',
        '? `${begin}; set app."current_user" = ',
      ),
    );
    const db = testDatabase.app({ max: 1 });
    expect(await leftovers(db, doorsOf(planted).withIdentityOn!.door, false)).toEqual(['app.current_user = user_probe']);
    // The tenant door of the same copy is untouched, and the probe says so.
    const clean = testDatabase.app({ max: 1 });
    expect(await leftovers(clean, doorsOf(planted).withTenantOn!.door, false)).toEqual([]);
  });

  it('is caught in withTenant (app.current_org set for the session)', async () => {
    const planted = await plantedDoors((src) =>
      src.replace('`${begin}; set local app.current_org = ', '`${begin}; set app.current_org = '),
    );
    const db = testDatabase.app({ max: 1 });
    expect(await leftovers(db, doorsOf(planted).withTenantOn!.door, false)).toEqual(['app.current_org = org_probe']);
    // A rolled-back transaction undoes even a session-level SET: the committed path is the one that leaks.
    const again = testDatabase.app({ max: 1 });
    expect(await leftovers(again, doorsOf(planted).withTenantOn!.door, true)).toEqual([]);
  });

  it('is caught in the read door when it hands its connection back before the transaction ended', async () => {
    // The defect the read door must not have: release without COMMIT, so the next borrower runs inside it.
    const planted = await plantedDoors((src) =>
      src.replace("conn.unsafe('commit').then(", "Promise.resolve({ command: 'COMMIT' }).then("),
    );
    const db = testDatabase.app({ max: 1 });
    expect(await leftovers(db, doorsOf(planted)['withTenantOn, read']!.door, false)).toEqual([
      'app.current_org = org_probe',
      'app.current_user = user_probe',
    ]);
  });
});
