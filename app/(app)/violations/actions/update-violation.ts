'use server';

import { revalidatePath } from 'next/cache';
import { updateViolation } from '@/db/queries/violations';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { updateViolationSchema } from '@/lib/zod/schemas/violations';

/** Edit a violation's details (type, BMP category, description, location, found-at, deadline). */
export const updateViolationAction = tenantAction(
  'org:violations:write',
  updateViolationSchema,
  async ({ id, ...patch }, { tx, ctx }) => {
    const result = await updateViolation(tx, await requestActor(ctx), id, patch);
    if (!result.ok)
      throw result.reason === 'not_found'
        ? PublicError.notFound()
        : PublicError.conflict(result.message ?? 'Conflict.');
    revalidatePath('/violations');
    revalidatePath(`/violations/${id}`);
    return { id };
  },
);
