import { z } from 'zod';

/**
 * Every background job carries the organization it works for; the worker runs
 * it inside withTenant for that org (lib/jobs/worker.ts), so a job can touch
 * nothing of another tenant even with a wrong id in it.
 */
const tenantJob = z.object({ orgId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export const JOBS = {
  /** An hour after a presigned upload: if its row is still pending, delete the object and the row. */
  expirePendingUpload: {
    name: 'files-expire-pending',
    data: tenantJob.extend({ kind: z.enum(['photos', 'documents']), id: z.uuid() }),
  },
  /** After a photo is confirmed: a small WebP for lists, next to the photo. */
  photoThumbnail: {
    name: 'photos-thumbnail',
    data: tenantJob.extend({ id: z.uuid() }),
  },
  /**
   * Daily: wrong-token records of the public QR page older than PUBLIC_ACCESS_RETENTION_DAYS go.
   * The one job without an org: public_access_events holds no tenant rows (it runs with no tenant set).
   */
  prunePublicAccessEvents: {
    name: 'public-access-prune',
    data: z.object({}).strict(),
  },
  /**
   * A tenant's daily weather ingestion (lib/weather/ingest.ts). Each run schedules the next one
   * first (lib/jobs/tenant-schedule.ts): the app role can't list tenants, so each tenant's chain
   * is started when the tenant is provisioned.
   */
  weatherIngest: {
    name: 'weather-ingest',
    data: tenantJob,
    policy: 'stately',
  },
  /** A tenant's hourly due/overdue sweep: in-app reminders and their emails (lib/reminders/sweep.ts). */
  remindersSweep: {
    name: 'reminders-sweep',
    data: tenantJob,
    policy: 'stately',
  },
  /**
   * A tenant's daily retention purge (lib/retention/run-purge.ts, docs/retention.md): only what is
   * past retention and not under a legal hold goes, and every run stores its report. Chained like
   * the weather ingestion.
   */
  retentionPurge: {
    name: 'retention-purge',
    data: tenantJob,
    policy: 'stately',
  },
  /**
   * An organization's deletion (lib/deletion/run-deletion.ts), queued by the owner's request to
   * start after the grace period. Idempotent: a rerun after a crash finishes what was started.
   */
  deleteOrganization: {
    name: 'organization-delete',
    data: tenantJob,
  },
  /**
   * An organization data export (lib/export/run-export.ts), queued by an owner or admin. Not
   * retried: a run that died can't be resumed mid-zip, so the retry it would get only fails it
   * with a clear message; pg-boss's expiry gives a large org hours.
   */
  exportOrganization: {
    name: 'organization-export',
    data: tenantJob.extend({ id: z.uuid() }),
    queue: { retryLimit: 1, retryDelay: 5, retryBackoff: false, expireInSeconds: 6 * 3600 },
  },
} as const;

/** When the prune runs (cron, UTC): once a day, off-peak. */
export const PRUNE_PUBLIC_ACCESS_CRON = '17 3 * * *';

/**
 * How long a wrong-token record (public_access_events) is kept: long enough to see a slow probe
 * across months, short enough not to keep IP hashes for ever. The database holds the same number
 * (drizzle/0017_public_access_retention.sql, policy retention_delete): brave_app can delete nothing newer.
 */
export const PUBLIC_ACCESS_RETENTION_DAYS = 90;

/** The user id jobs act as in withTenant and the audit log. */
export const JOB_USER = 'system_jobs';

/** pg-boss's schema, installed by the migration step as brave_owner (lib/jobs/install.ts). */
export const JOB_SCHEMA = 'pgboss';

export const PENDING_UPLOAD_TTL_SECONDS = 3600;
