'use server';

import { revalidatePath } from 'next/cache';
import { listMembers } from '@/db/queries/audit';
import { createCorrectiveAction } from '@/db/queries/corrective-actions';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { KEY_REUSED } from '@/lib/validation/idempotency-key';
import { addCorrectiveActionSchema } from '@/lib/zod/schemas/violations';

/** Plan the fix of a violation, optionally assigned to a member; a retried add (same idempotency key) returns the first one. */
export const addCorrectiveActionAction = tenantAction(
  'org:violations:write',
  addCorrectiveActionSchema,
  async (input, { tx, ctx }) => {
    if (input.assignedTo && !(await listMembers(tx, ctx.orgId)).some((m) => m.userId === input.assignedTo)) {
      throw PublicError.notFound('That person is not a member of this organization.');
    }
    const action = await createCorrectiveAction(tx, await requestActor(ctx), input);
    if (!action) throw PublicError.notFound();
    if (action.violationId !== input.violationId) throw PublicError.conflict(KEY_REUSED);
    revalidatePath(`/violations/${input.violationId}`);
    revalidatePath('/dashboard');
    return { id: action.id };
  },
);
