import 'server-only';
import { getOrganization } from '@/db/queries/organizations';
import { withTenant } from '@/db/tenant';
import { sweepReminders, type SweepResult } from '@/lib/reminders/sweep';
import { runRetentionPurge } from '@/lib/retention/run-purge';
import { ingestWeather, type IngestResult } from '@/lib/weather/ingest';
import { JOB_USER, JOBS } from './queues';
import { nextPurgeRun, nextSweepRun, nextWeatherRun, scheduleTenantJobs } from './tenant-schedule';

type TenantData = ReturnType<(typeof JOBS)['weatherIngest']['data']['parse']>;

/**
 * The tenant's daily weather ingestion. Its successor is queued first, in its
 * own transaction, so a run that fails (and is retried by pg-boss) never
 * breaks the daily chain.
 */
export async function runWeatherIngest(data: TenantData, now = new Date()): Promise<IngestResult | 'organization gone'> {
  if (!(await continueChain(data.orgId, now))) return 'organization gone';
  return ingestWeather(data.orgId, now);
}

/** The tenant's hourly reminder sweep; queues its successor first, like the ingestion. */
export async function runRemindersSweep(data: TenantData, now = new Date()): Promise<SweepResult | 'organization gone'> {
  if (!(await continueChain(data.orgId, now))) return 'organization gone';
  return sweepReminders(data.orgId, now);
}

/** The tenant's daily retention purge; queues its successor first, and answers what its report says. */
export async function runRetentionPurgeJob(data: TenantData, now = new Date()): Promise<{ report: string; projects: number; incidents: number; objects: number } | 'organization gone'> {
  if (!(await continueChain(data.orgId, now))) return 'organization gone';
  const r = await runRetentionPurge(data.orgId, { now });
  return { report: r.id, projects: r.removed.projects.length, incidents: r.removed.incidents.length, objects: r.removed.objects };
}

/** Queue the successors, unless the org is deleted or being deleted: the chain ends with it (docs/deletion.md). */
async function continueChain(orgId: string, now: Date): Promise<boolean> {
  return withTenant({ orgId, userId: JOB_USER }, async (tx) => {
    const org = await getOrganization(tx, orgId);
    if (!org || org.deletionStartedAt) return false;
    await scheduleTenantJobs(tx, orgId, now, { weather: nextWeatherRun(now), sweep: nextSweepRun(now), purge: nextPurgeRun(now) });
    return true;
  });
}
