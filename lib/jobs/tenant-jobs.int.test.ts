/**
 * The per-tenant job chains: provisioning queues a tenant's first weather
 * ingestion and reminder sweep, each run queues its successor (one queued run
 * per tenant and job, however often it is asked), and a real worker runs them
 * inside the tenant door.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { provisionTenant } from '@/lib/tenancy/provision';
import { testDatabase } from '@/tests/support/database';
import { uniqueId } from '@/tests/support/factories';
import { JOBS } from './queues';
import { runRemindersSweep, runRetentionPurgeJob } from './tenant-handlers';
import { nextPurgeRun, nextSweepRun, nextWeatherRun } from './tenant-schedule';
import { startWorker, type Worker } from './worker';

const queued = async (orgId: string) => {
  const su = testDatabase.sql('superuser');
  return su<{ name: string; state: string; start_after: Date; data: { orgId: string } }[]>`
    select name, state, start_after, data from pgboss.job where singleton_key = ${orgId} order by name, created_on`;
};

describe('tenant job chains', () => {
  it('the next runs: weather at 11:00 UTC daily, the sweep at five past each hour', () => {
    expect(nextWeatherRun(new Date('2026-12-01T10:59:00Z'))).toEqual(new Date('2026-12-01T11:00:00Z'));
    expect(nextWeatherRun(new Date('2026-12-01T11:00:00Z'))).toEqual(new Date('2026-12-02T11:00:00Z'));
    expect(nextSweepRun(new Date('2026-12-01T23:04:59Z'))).toEqual(new Date('2026-12-01T23:05:00Z'));
    expect(nextSweepRun(new Date('2026-12-01T23:05:00Z'))).toEqual(new Date('2026-12-02T00:05:00Z'));
    expect(nextPurgeRun(new Date('2026-12-01T07:29:59Z'))).toEqual(new Date('2026-12-01T07:30:00Z'));
    expect(nextPurgeRun(new Date('2026-12-01T07:30:00Z'))).toEqual(new Date('2026-12-02T07:30:00Z'));
  });

  it('provisioning a tenant queues one of each; provisioning it again adds nothing', async () => {
    const orgId = uniqueId('org', 'chain');
    await provisionTenant({ orgId, name: 'Chain Co', slug: orgId.toLowerCase() });
    await provisionTenant({ orgId, name: 'Chain Co', slug: orgId.toLowerCase() });
    const jobs = await queued(orgId);
    expect(jobs.map((j) => [j.name, j.state, j.data.orgId])).toEqual([
      [JOBS.remindersSweep.name, 'created', orgId],
      [JOBS.retentionPurge.name, 'created', orgId],
      [JOBS.weatherIngest.name, 'created', orgId],
    ]);
  });

  it("a run queues its successor at the next slot, and a job names only its own org's chain", async () => {
    const orgId = uniqueId('org', 'succ');
    await provisionTenant({ orgId, name: 'Succ Co', slug: orgId.toLowerCase() });
    const su = testDatabase.sql('superuser');
    // The provisioned runs become "active" (a worker took them): their successors can now be queued.
    await su`update pgboss.job set state = 'active' where singleton_key = ${orgId}`;
    const now = new Date('2026-12-01T17:30:00Z');
    await runRemindersSweep({ orgId }, now);
    const next = (await queued(orgId)).filter((j) => j.state === 'created');
    expect(next.map((j) => j.name).sort()).toEqual([JOBS.remindersSweep.name, JOBS.retentionPurge.name, JOBS.weatherIngest.name].sort());
    // start_after is "now + seconds until the slot" on the database clock: within a few seconds of the slot's distance.
    const sweep = next.find((j) => j.name === JOBS.remindersSweep.name)!;
    expect(Math.abs(sweep.start_after.getTime() - Date.now() - 35 * 60_000)).toBeLessThan(10_000);
    await runRemindersSweep({ orgId }, now);
    expect((await queued(orgId)).filter((j) => j.state === 'created')).toHaveLength(3);
  });

  it('the retention purge run queues its successor for tomorrow 07:30 UTC and stores its report', async () => {
    const orgId = uniqueId('org', 'purge');
    await provisionTenant({ orgId, name: 'Purge Co', slug: orgId.toLowerCase() });
    const su = testDatabase.sql('superuser');
    await su`update pgboss.job set state = 'active' where singleton_key = ${orgId}`;
    const result = await runRetentionPurgeJob({ orgId });
    expect(result).toMatchObject({ projects: 0, incidents: 0, objects: 0 });
    const purge = (await queued(orgId)).find((j) => j.state === 'created' && j.name === JOBS.retentionPurge.name)!;
    expect(Math.abs(purge.start_after.getTime() - nextPurgeRun(new Date()).getTime())).toBeLessThan(10_000);
    const reports = await su<{ n: number }[]>`select count(*)::int as n from purge_reports where organization_id = ${orgId} and dry_run = false`;
    expect(reports[0]!.n).toBe(1);
  });

  it('the queues retry failures with backoff (a provider outage is retried, not dropped)', async () => {
    const su = testDatabase.sql('superuser');
    const rows = await su<{ name: string; policy: string; retry_limit: number; retry_backoff: boolean }[]>`
      select name, policy, retry_limit, retry_backoff from pgboss.queue where name in (${JOBS.weatherIngest.name}, ${JOBS.remindersSweep.name}) order by name`;
    expect(rows).toEqual([
      { name: JOBS.remindersSweep.name, policy: 'stately', retry_limit: 3, retry_backoff: true },
      { name: JOBS.weatherIngest.name, policy: 'stately', retry_limit: 3, retry_backoff: true },
    ]);
  });

  let worker: Worker | undefined;
  afterAll(async () => worker?.stop());

  it('a real worker (as brave_app) runs a provisioned sweep and ingestion, each queuing its successor', async () => {
    const orgId = uniqueId('org', 'work');
    await provisionTenant({ orgId, name: 'Work Co', slug: orgId.toLowerCase() });
    const lines: string[] = [];
    worker = await startWorker(testDatabase.urls.app, { pollingIntervalSeconds: 0.5, log: (l) => lines.push(l) });
    const deadline = Date.now() + 20_000;
    const done = () => lines.filter((l) => l.includes(orgId)).length >= 2;
    while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(lines.find((l) => l.startsWith(`${JOBS.remindersSweep.name} ${orgId}`))).toMatch(/"obligations":0/);
    // No project has coordinates: nothing to ask the provider.
    expect(lines.find((l) => l.startsWith(`${JOBS.weatherIngest.name} ${orgId}`))).toMatch(/"sites":0/);
    const jobs = await queued(orgId);
    expect(jobs.filter((j) => j.state === 'completed')).toHaveLength(2);
    // Their two successors, and the purge provisioning queued for its daily slot (not yet due).
    expect(jobs.filter((j) => j.state === 'created').map((j) => j.start_after.getTime() > Date.now())).toEqual([true, true, true]);
  }, 30_000);
});
