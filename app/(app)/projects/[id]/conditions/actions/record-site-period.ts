'use server';

import { revalidatePath } from 'next/cache';
import { createSitePeriod } from '@/db/queries/site-conditions';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { recordSitePeriodSchema } from '@/lib/zod/schemas/site-conditions';

/**
 * Record a reduced-frequency period (CGP 2022 Part 4.4: stabilized, arid or
 * drought, frozen) on a project. Audited; the door recomputes the project's
 * stored obligations before COMMIT. Permission `org:projects:write`: it
 * changes the inspection schedule, like the project's own settings.
 */
export const recordSitePeriodAction = tenantAction('org:projects:write', recordSitePeriodSchema, async (input, { tx, ctx }) => {
  const row = await createSitePeriod(tx, await requestActor(ctx), input);
  if (!row) throw PublicError.notFound();
  revalidatePath(`/projects/${input.projectId}`);
  return { id: row.id };
});
