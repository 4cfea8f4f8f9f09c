import 'server-only';
import PgBoss from 'pg-boss';
import { makePhotoThumbnail, expirePendingUpload, prunePublicAccessEvents } from './handlers';
import { JOB_SCHEMA, JOBS, PRUNE_PUBLIC_ACCESS_CRON } from './queues';
import { runRemindersSweep, runRetentionPurgeJob, runWeatherIngest } from './tenant-handlers';
import { runOrganizationDeletion } from '@/lib/deletion/run-deletion';
import { runOrganizationExport } from '@/lib/export/run-export';

export interface Worker {
  stop(): Promise<void>;
}

/**
 * The background worker: pg-boss on the app's own PostgreSQL, connected as
 * brave_app (no DDL: lib/jobs/install.ts set its schema up as the owner).
 * Each job's payload is validated (zod) and runs inside withTenant for the
 * org it names (lib/jobs/handlers.ts). In the embedded default it runs inside
 * the app server (instrumentation.ts); in production as `npm run worker`.
 */
export async function startWorker(connectionString: string, opts: { pollingIntervalSeconds?: number; log?: (l: string) => void } = {}): Promise<Worker> {
  const log = opts.log ?? ((l: string) => console.log(`[worker] ${l}`));
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 2, migrate: false, schedule: true, supervise: true, application_name: 'brave-worker' });
  boss.on('error', (error) => log(`pg-boss error: ${error.message}`));
  await boss.start();
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  await boss.work(JOBS.expirePendingUpload.name, polling, async ([job]) => {
    const data = JOBS.expirePendingUpload.data.parse(job!.data);
    log(`${job!.name} ${data.kind}/${data.id}: ${await expirePendingUpload(data)}`);
  });
  await boss.work(JOBS.photoThumbnail.name, polling, async ([job]) => {
    const data = JOBS.photoThumbnail.data.parse(job!.data);
    log(`${job!.name} ${data.id}: ${await makePhotoThumbnail(data)}`);
  });
  await boss.work(JOBS.prunePublicAccessEvents.name, polling, async ([job]) => {
    JOBS.prunePublicAccessEvents.data.parse(job!.data);
    log(`${job!.name}: ${await prunePublicAccessEvents()} wrong-token records past retention deleted`);
  });
  // Idempotent (one schedule row per name); pg-boss's cron monitor (schedule: true) sends the job.
  await boss.schedule(JOBS.prunePublicAccessEvents.name, PRUNE_PUBLIC_ACCESS_CRON, {}, { tz: 'UTC' });
  await boss.work(JOBS.weatherIngest.name, polling, async ([job]) => {
    const data = JOBS.weatherIngest.data.parse(job!.data);
    log(`${job!.name} ${data.orgId}: ${JSON.stringify(await runWeatherIngest(data))}`);
  });
  await boss.work(JOBS.remindersSweep.name, polling, async ([job]) => {
    const data = JOBS.remindersSweep.data.parse(job!.data);
    log(`${job!.name} ${data.orgId}: ${JSON.stringify(await runRemindersSweep(data))}`);
  });
  await boss.work(JOBS.retentionPurge.name, polling, async ([job]) => {
    const data = JOBS.retentionPurge.data.parse(job!.data);
    log(`${job!.name} ${data.orgId}: ${JSON.stringify(await runRetentionPurgeJob(data))}`);
  });
  await boss.work(JOBS.deleteOrganization.name, polling, async ([job]) => {
    const data = JOBS.deleteOrganization.data.parse(job!.data);
    log(`${job!.name} ${data.orgId}: ${JSON.stringify(await runOrganizationDeletion(data.orgId))}`);
  });
  await boss.work(JOBS.exportOrganization.name, polling, async ([job]) => {
    const data = JOBS.exportOrganization.data.parse(job!.data);
    log(`${job!.name} ${data.orgId}/${data.id}: ${JSON.stringify(await runOrganizationExport(data.orgId, data.id))}`);
  });
  return { stop: () => boss.stop({ graceful: true, timeout: 5_000, wait: true }) };
}
