'use server';

import { revalidatePath } from 'next/cache';
import { createViolation, getViolationType } from '@/db/queries/violations';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { createViolationSchema } from '@/lib/zod/schemas/violations';
import { defaultDeadline } from '@/lib/violations/default-deadline';

/** Record a violation, found on an inspection or on its own; no deadline → the type's default. */
export const createViolationAction = tenantAction('org:violations:write', createViolationSchema, async (input, { tx, ctx }) => {
  const type = await getViolationType(tx, ctx.orgId, input.violationTypeId);
  if (!type) throw PublicError.notFound();
  const violation = await createViolation(tx, await requestActor(ctx), {
    ...input,
    deadline: input.deadline ?? defaultDeadline(input.foundAt, type.defaultDeadlineDays),
  });
  if (!violation) throw PublicError.notFound();
  revalidatePath('/violations');
  revalidatePath('/dashboard');
  return { id: violation.id };
});
