import 'server-only';
import type { Tx } from '@/db/tenant';
import { enqueueJob } from './enqueue';
import { JOBS } from './queues';

/** Weather runs once a day at 11:00 UTC: past midnight in every US zone, so yesterday is complete everywhere. */
const WEATHER_HOUR_UTC = 11;
/** The sweep runs every hour, five past: a storm inspection is due 24 h after the storm, so a daily sweep is too coarse. */
const SWEEP_MINUTE = 5;

export function nextWeatherRun(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), WEATHER_HOUR_UTC));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function nextSweepRun(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), SWEEP_MINUTE));
  if (next <= now) next.setUTCHours(next.getUTCHours() + 1);
  return next;
}

/** The retention purge runs once a day at 07:30 UTC: the middle of the night in every US zone. */
const PURGE_HOUR_UTC = 7;
const PURGE_MINUTE = 30;

export function nextPurgeRun(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), PURGE_HOUR_UTC, PURGE_MINUTE));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

const secondsUntil = (at: Date, now: Date) => Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000));

/**
 * Queue a tenant's next weather ingestion, reminder sweep and retention purge, in the caller's
 * transaction. The queues are `stately` with the org id as singleton key, so
 * there is at most one queued run per tenant and job: calling this again (a
 * re-provisioned tenant, a retried job) adds nothing. pg-boss has one cron
 * entry per queue, not per tenant, and the app role can't list tenants (RLS),
 * so each tenant's runs form a chain: every run queues its successor first.
 */
export async function scheduleTenantJobs(
  tx: Tx,
  orgId: string,
  now: Date,
  first: { weather: Date; sweep: Date; purge: Date } = { weather: now, sweep: now, purge: nextPurgeRun(now) },
) {
  await enqueueJob(tx, JOBS.weatherIngest, { orgId }, { singletonKey: orgId, startAfterSeconds: secondsUntil(first.weather, now) });
  await enqueueJob(tx, JOBS.remindersSweep, { orgId }, { singletonKey: orgId, startAfterSeconds: secondsUntil(first.sweep, now) });
  // Also queued by every successor below, so a tenant provisioned before the purge existed joins the chain.
  await enqueueJob(tx, JOBS.retentionPurge, { orgId }, { singletonKey: orgId, startAfterSeconds: secondsUntil(first.purge, now) });
}
