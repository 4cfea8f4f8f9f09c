import 'server-only';
import { withTenant } from '@/db/tenant';
import { sweepReminders, type SweepResult } from '@/lib/reminders/sweep';
import { ingestWeather, type IngestResult } from '@/lib/weather/ingest';
import { JOB_USER, JOBS } from './queues';
import { nextSweepRun, nextWeatherRun, scheduleTenantJobs } from './tenant-schedule';

type TenantData = ReturnType<(typeof JOBS)['weatherIngest']['data']['parse']>;

/**
 * The tenant's daily weather ingestion. Its successor is queued first, in its
 * own transaction, so a run that fails (and is retried by pg-boss) never
 * breaks the daily chain.
 */
export async function runWeatherIngest(data: TenantData, now = new Date()): Promise<IngestResult> {
  await withTenant({ orgId: data.orgId, userId: JOB_USER }, (tx) =>
    scheduleTenantJobs(tx, data.orgId, now, { weather: nextWeatherRun(now), sweep: nextSweepRun(now) }),
  );
  return ingestWeather(data.orgId, now);
}

/** The tenant's hourly reminder sweep; queues its successor first, like the ingestion. */
export async function runRemindersSweep(data: TenantData, now = new Date()): Promise<SweepResult> {
  await withTenant({ orgId: data.orgId, userId: JOB_USER }, (tx) =>
    scheduleTenantJobs(tx, data.orgId, now, { weather: nextWeatherRun(now), sweep: nextSweepRun(now) }),
  );
  return sweepReminders(data.orgId, now);
}
