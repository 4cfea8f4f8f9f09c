'use server';

import { revalidatePath } from 'next/cache';
import { updateViolation } from '@/db/queries/violations';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { moveViolationStatusSchema } from '@/lib/zod/schemas/violations';

/** One step of open → in progress → fixed → verified (or back to open); who and when go to the audit log. */
export const moveViolationStatusAction = tenantAction(
  'org:violations:write',
  moveViolationStatusSchema,
  async ({ id, status }, { tx, ctx }) => {
    const result = await updateViolation(tx, await requestActor(ctx), id, { status });
    if (!result.ok)
      throw result.reason === 'not_found'
        ? PublicError.notFound()
        : PublicError.conflict(result.message ?? 'That step is not allowed.');
    revalidatePath('/violations');
    revalidatePath(`/violations/${id}`);
    revalidatePath('/dashboard');
    return { id, status: result.violation.status };
  },
);
