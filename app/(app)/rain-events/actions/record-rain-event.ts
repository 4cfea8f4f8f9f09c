'use server';

import { revalidatePath } from 'next/cache';
import { createRainEvent } from '@/db/queries/rain-events';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { KEY_REUSED } from '@/lib/validation/idempotency-key';
import { recordRainEventSchema } from '@/lib/zod/schemas/rain-events';

/**
 * A rain gauge entry for a project. Permission `org:forms:submit`: a reading is
 * a field observation, made by whoever is on site (crew included), like a form
 * submission; viewers can't. The project must be this tenant's. The form's
 * idempotency key makes a retried submit return the first entry.
 */
export const recordRainEventAction = tenantAction(
  'org:forms:submit',
  recordRainEventSchema,
  async (input, { tx, ctx }) => {
    const event = await createRainEvent(tx, await requestActor(ctx), input);
    if (!event) throw PublicError.notFound();
    if (event.projectId !== input.projectId) throw PublicError.conflict(KEY_REUSED);
    revalidatePath(`/projects/${input.projectId}`);
    revalidatePath('/rain-events');
    revalidatePath('/dashboard');
    return { id: event.id };
  },
);
