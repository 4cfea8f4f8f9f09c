/**
 * patches/postgres+3.4.9.patch, porsager/postgres#1192 / #1205: every new connection first fetches
 * the array types (`fetch_types`, on in db/connection.ts's pools), and postgres.js dropped that
 * query's promise. A connection closed during it — the backend killed in a failover, PgBouncer
 * going away, the end of the soak run — was an unhandled rejection, which ends a Node process
 * (the app server, the worker). A relay kills the first connection exactly there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from './connection';
import { testDatabase } from '@/tests/support/database';
import { tcpRelay } from '@/tests/support/tcp-relay';

let killed = 0;
let relay: ReturnType<typeof tcpRelay>;
let url: string;

beforeAll(async () => {
  // Passes bytes through, except that it closes the first connection whose client asks for pg_type.
  relay = tcpRelay(testDatabase.urls.app, {
    fromClient: (d, pair) => {
      if (killed > 0 || !d.includes('pg_catalog.pg_type')) return true;
      killed++;
      pair.close();
      return false;
    },
  });
  url = await relay.listen();
});
afterAll(() => relay.close());

describe('a connection closed while it fetches the array types (patches/: porsager/postgres#1192)', () => {
  it('is no unhandled rejection, and the reserved connection and the pool go on', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    const pool = openPool(url, { max: 2 });
    try {
      // The door reserves its connection (db/tenant.ts). A reserve() is answered before the type
      // fetch runs, so nothing else waits on the fetch when its connection closes.
      const reserved = await Promise.race([pool.reserve(), new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5_000))]);
      await new Promise((r) => setTimeout(r, 100)); // a dropped promise's rejection is reported after a turn
      expect(killed).toBe(1);
      expect(unhandled).toEqual([]);
      if (reserved === 'hung') throw new Error('reserve() never settled');
      // Its connection closed under it; postgres.js opens it again for the next query (through the relay, which lets it be).
      const again = await Promise.race([
        reserved`select 1`.then(
          () => 'answered',
          (e: unknown) => (e as { code?: string }).code,
        ),
        new Promise((r) => setTimeout(() => r('hung'), 5_000)),
      ]);
      expect(again).toBe('answered');
      reserved.release();
      expect(await pool`select 2 as two`).toEqual([{ two: 2 }]);
    } finally {
      process.off('unhandledRejection', note);
      await pool.end({ timeout: 0 });
    }
  });
});
