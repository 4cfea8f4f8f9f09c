'use server';

import { revalidatePath } from 'next/cache';
import { createIncident } from '@/db/queries/incidents';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { KEY_REUSED } from '@/lib/validation/idempotency-key';
import { createIncidentSchema } from '@/lib/zod/schemas/incidents';

/**
 * Records a work-related injury or illness (29 CFR 1904) on one of this
 * tenant's sites; its reporting clock starts at `learnedAt`. A retried submit
 * with the same idempotency key returns the first record.
 */
export const createIncidentAction = tenantAction('org:incidents:write', createIncidentSchema, async (input, { tx, ctx }) => {
  const incident = await createIncident(tx, await requestActor(ctx), { ...input, outcomeAt: input.outcomeAt ?? null });
  if (!incident) throw PublicError.notFound();
  if (incident.projectId !== input.projectId) throw PublicError.conflict(KEY_REUSED);
  revalidatePath('/incidents');
  return { id: incident.id };
});
