'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { runRetentionPurge } from '@/lib/retention/run-purge';
import { dryRunPurgeSchema } from '@/lib/zod/schemas/retention';

/**
 * What the next purge would remove, now: a dry run stores its report (and its audit row) and
 * removes nothing. It runs in its own door transactions, like the job.
 */
export const dryRunPurgeAction = tenantAction('org:retention:manage', dryRunPurgeSchema, async function dryRunPurgeAction(_input, { ctx }) {
  const report = await runRetentionPurge(ctx.orgId, { dryRun: true, userId: ctx.userId });
  revalidatePath('/settings/retention');
  return { id: report.id, projects: report.removed.projects.length, incidents: report.removed.incidents.length };
});
