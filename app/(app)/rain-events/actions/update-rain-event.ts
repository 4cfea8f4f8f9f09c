'use server';

import { revalidatePath } from 'next/cache';
import { updateRainEvent } from '@/db/queries/rain-events';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { updateRainEventFormSchema } from '@/lib/zod/schemas/rain-events';

/** Correct a rain entry (same permission as recording it; the audit row keeps the old values). */
export const updateRainEventAction = tenantAction(
  'org:forms:submit',
  updateRainEventFormSchema,
  async (input, { tx, ctx }) => {
    const { id, amountInches, startedAt, endedAt, source } = input;
    const event = await updateRainEvent(tx, await requestActor(ctx), id, { amountInches, startedAt, endedAt, source });
    if (!event) throw PublicError.notFound();
    revalidatePath(`/projects/${event.projectId}`);
    revalidatePath('/rain-events');
    revalidatePath('/dashboard');
    return { id: event.id };
  },
);
