'use server';

import { revalidatePath } from 'next/cache';
import { endSitePeriod, getSiteCondition } from '@/db/queries/site-conditions';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { endSitePeriodSchema } from '@/lib/zod/schemas/site-conditions';

/** Set the last day of a reduced-frequency period (construction resumed, thaw, rains returned); audited, deadlines recomputed. */
export const endSitePeriodAction = tenantAction('org:projects:write', endSitePeriodSchema, async ({ id, endsOn }, { tx, ctx }) => {
  if (!(await getSiteCondition(tx, ctx.orgId, id))) throw PublicError.notFound();
  const row = await endSitePeriod(tx, await requestActor(ctx), id, endsOn);
  if (!row) throw PublicError.notFound();
  if (row === 'not_a_period') throw PublicError.conflict('A snowmelt discharge has no end date.');
  if (row === 'before_start') throw PublicError.badRequest('End must be on or after the start.', { endsOn: ['End must be on or after the start.'] });
  revalidatePath(`/projects/${row.projectId}`);
  return { id };
});
