/**
 * Retention of the public page's wrong-token records (public_access_events): the daily prune
 * deletes rows past PUBLIC_ACCESS_RETENTION_DAYS and nothing newer, and the database holds the
 * same line (policy retention_delete, drizzle/0017_public_access_retention.sql) whatever the job computes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { prunePublicAccessEvents } from './handlers';
import { JOBS, PRUNE_PUBLIC_ACCESS_CRON, PUBLIC_ACCESS_RETENTION_DAYS } from './queues';
import { startWorker, type Worker } from './worker';

const DAY = 86_400_000;
const app = () => testDatabase.sql('app', { max: 1 });

/** Rows created `ages` days ago, inserted as brave_app with no tenant set (as the page does). */
async function plant(ages: number[]): Promise<string[]> {
  const ids = ages.map(() => randomUUID());
  const sql = app();
  for (const [i, age] of ages.entries()) {
    await sql`insert into public_access_events (id, kind, ip_hash, created_at)
              values (${ids[i]!}, 'token_miss', ${`prune-test-${ids[i]}`}, ${new Date(Date.now() - age * DAY)})`;
  }
  return ids;
}

const present = async (ids: string[]) =>
  (await testDatabase.sql('superuser')<{ id: string }[]>`select id from public_access_events where id in ${testDatabase.sql('superuser')(ids)}`).map((r) => r.id).sort();

describe('pruning public_access_events', () => {
  it(`deletes rows older than ${PUBLIC_ACCESS_RETENTION_DAYS} days and keeps newer ones`, async () => {
    const [old, veryOld, recent, fresh] = await plant([PUBLIC_ACCESS_RETENTION_DAYS + 1, 400, PUBLIC_ACCESS_RETENTION_DAYS - 1, 0]);
    expect(await prunePublicAccessEvents()).toBeGreaterThanOrEqual(2);
    expect(await present([old!, veryOld!, recent!, fresh!])).toEqual([recent!, fresh!].sort());
  });

  it('a job that miscomputes its cut-off still deletes nothing inside the retention (the policy holds the line)', async () => {
    const [recent, fresh] = await plant([PUBLIC_ACCESS_RETENTION_DAYS - 1, 0]);
    // As if the clock were a year ahead: the job asks to delete everything it has.
    await prunePublicAccessEvents(new Date(Date.now() + 365 * DAY));
    expect(await present([recent!, fresh!])).toEqual([recent!, fresh!].sort());
    // And plain SQL as brave_app can't either.
    const gone = await app()`delete from public_access_events where id in ${app()([recent!, fresh!])} returning id`;
    expect(gone).toHaveLength(0);
  });

  it('negative control: with an over-broad delete policy planted, the same delete removes the fresh row', async () => {
    const [fresh] = await plant([0]);
    const su = testDatabase.sql('superuser', { max: 1 });
    const marker = new Error('rollback');
    let deleted = -1;
    await su
      .begin(async (tx) => {
        await tx.unsafe(`create policy planted_wide on public.public_access_events for delete to brave_app using (true)`);
        await tx.unsafe(`set local role brave_app`);
        deleted = (await tx`delete from public_access_events where id = ${fresh!} returning id`).length;
        throw marker;
      })
      .catch((e: unknown) => {
        if (e !== marker) throw e;
      });
    expect(deleted).toBe(1);
    expect(await present([fresh!])).toEqual([fresh!]);
  });
});

describe('the worker schedules the prune daily', () => {
  let worker: Worker | undefined;
  afterAll(async () => worker?.stop());

  it(`registers ${JOBS.prunePublicAccessEvents.name} at "${PRUNE_PUBLIC_ACCESS_CRON}" (UTC)`, async () => {
    worker = await startWorker(testDatabase.urls.app, { pollingIntervalSeconds: 0.5, log: () => {} });
    const rows = await testDatabase.sql('superuser')<{ cron: string; timezone: string }[]>`
      select cron, timezone from pgboss.schedule where name = ${JOBS.prunePublicAccessEvents.name}`;
    expect(rows).toEqual([{ cron: PRUNE_PUBLIC_ACCESS_CRON, timezone: 'UTC' }]);
  });
});
