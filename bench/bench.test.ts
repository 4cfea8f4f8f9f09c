/**
 * Keeps `npm run bench` from rotting: the (a), (b) and (f) measurements run
 * in a tiny mode against their own throw-away embedded database and the
 * result shapes are checked. No timing is asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { measureAudit } from './audit';
import { measureDoor } from './door';
import { findings } from './findings';
import { measureFiles } from './files';
import { loadDataSet, openBenchDatabase, targets, type BenchDatabase, type Target } from './lib/setup';
import { freePort } from './lib/ports';
import { rows } from './report-rows';
import { measureRls } from './rls';

const finite = (n: number) => expect(Number.isFinite(n), `${n} is finite`).toBe(true);

describe('bench (tiny mode)', () => {
  let bench: BenchDatabase;
  let t: Target[];

  beforeAll(async () => {
    bench = await openBenchDatabase({ dir: `.data/bench/test-pg-${process.pid}`, port: await freePort(), ephemeral: true });
    const data = await loadDataSet(bench.superuser, { tenants: 20, rows: 2_000 });
    expect(data.rows).toBe(data.counts.reduce((a, b) => a + b, 0));
    t = targets(data, 200);
  }, 60_000);

  afterAll(async () => {
    await bench?.close({ removeData: true });
  });

  it('(a) RLS vs explicit filter, (b) the door, (f) the audit row', async () => {
    const su = createDatabase(bench.superuser, { max: 1 });
    const app = createDatabase(bench.urls.app, { max: 1 });
    try {
      const rls = await measureRls({ su, app, targets: t, warmup: 2, samples: 20, explains: 2, runs: 2 });
      expect(rls.map((s) => s.shape)).toEqual(['by id', 'newest 50', 'count', 'join', 'text search']);
      for (const s of rls) {
        expect(s.runs).toHaveLength(2);
        expect(s.runs.map((r) => r.p50)).toContain(s.rls.p50);
        for (const r of [s.rls, s.rlsOnlyRatio, s.door, s.server.ratio, ...s.runs]) [r.p50, r.p99].forEach(finite);
        expect(s.appDoor.n).toBe(20);
        expect(s.plans.app).toMatch(/Scan/);
      }

      const door = await measureDoor({
        urls: { superuser: bench.superuser, app: bench.urls.app },
        targets: t,
        warmup: 2,
        samples: 20,
        prepare: true,
      });
      expect(door.variants).toHaveLength(11);
      for (const v of door.variants) [v.stats.p50, v.stats.p99, v.vsBare.p50, v.roundTrips].forEach(finite);
      [door.door.p50, door.door.p99].forEach(finite);

      const audit = await measureAudit({ appUrl: bench.urls.app, superuserUrl: bench.superuser, targets: t, warmup: 2, samples: 20 });
      [audit.added.p50, audit.added.p99, audit.ratio.p50].forEach(finite);
      [audit.chain!.added.p50, audit.chain!.added.p99, audit.chain!.ratio.p50].forEach(finite);
      expect(audit.chain!.chained.n).toBe(20);

      const results = {
        startedAt: '',
        seconds: 0,
        mode: 'test',
        config: {},
        rls,
        door: [door],
        audit,
      } as unknown as Parameters<typeof rows>[0];
      // five RLS shapes, five door rows, the audit row, the hash chain
      expect(rows(results).length).toBe(5 + 5 + 1 + 1 + 1);
      expect(findings(results).length).toBeGreaterThan(0);
    } finally {
      await Promise.all([su.$pool.end({ timeout: 1 }), app.$pool.end({ timeout: 1 })]);
    }
  }, 60_000);

  it('(i) photo uploads: server memory direct vs proxied, confirm latency', async () => {
    const files = await measureFiles({ root: process.cwd(), appUrl: bench.urls.app, phones: 2, photoMiB: 1, rounds: 1, log: () => {} });
    expect(files.confirmMs.n).toBe(2);
    [files.direct.rssGrowthMiB, files.proxied.rssGrowthMiB, files.confirmMs.p50].forEach(finite);
    const table = rows({ startedAt: '', seconds: 0, mode: 'test', config: {}, files } as unknown as Parameters<typeof rows>[0]);
    expect(table.map((r) => r.figure)).toEqual([expect.stringMatching(/^\(i\) server RSS/), expect.stringMatching(/^\(i\) confirm/)]);
  }, 90_000);
});
