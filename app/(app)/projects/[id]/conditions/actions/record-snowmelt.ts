'use server';

import { revalidatePath } from 'next/cache';
import { createSnowmelt } from '@/db/queries/site-conditions';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { recordSnowmeltSchema } from '@/lib/zod/schemas/site-conditions';

/**
 * Record a snowmelt discharge (CGP 2022 Part 4.2.2 / 4.3: from 3.25 in of snow
 * or more, an inspection within 24 hours). A field observation, like a rain
 * reading: `org:forms:submit`. Audited; the door recomputes the project's
 * stored obligations before COMMIT.
 */
export const recordSnowmeltAction = tenantAction('org:forms:submit', recordSnowmeltSchema, async (input, { tx, ctx }) => {
  const row = await createSnowmelt(tx, await requestActor(ctx), input);
  if (!row) throw PublicError.notFound();
  revalidatePath(`/projects/${input.projectId}`);
  return { id: row.id };
});
