'use server';

import { revalidatePath } from 'next/cache';
import { deleteSiteCondition } from '@/db/queries/site-conditions';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { deleteSiteConditionSchema } from '@/lib/zod/schemas/site-conditions';

/** Remove a period or snowmelt discharge recorded in error; audited (the row before), deadlines recomputed. */
export const deleteSiteConditionAction = tenantAction('org:projects:write', deleteSiteConditionSchema, async ({ id }, { tx, ctx }) => {
  const row = await deleteSiteCondition(tx, await requestActor(ctx), id);
  if (!row) throw PublicError.notFound();
  revalidatePath(`/projects/${row.projectId}`);
  return { id };
});
