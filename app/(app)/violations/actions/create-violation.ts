'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { recordViolation } from '@/lib/violations/record-violation';
import { createViolationSchema } from '@/lib/zod/schemas/violations';

/** Record a violation, found on an inspection or on its own; no deadline → the type's default. */
export const createViolationAction = tenantAction(
  'org:violations:write',
  createViolationSchema,
  async (input, { tx, ctx }) => {
    const violation = await recordViolation(tx, await requestActor(ctx), input);
    if (!violation) throw PublicError.notFound();
    revalidatePath('/violations');
    revalidatePath('/dashboard');
    return { id: violation.id };
  },
);
