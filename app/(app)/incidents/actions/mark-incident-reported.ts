'use server';

import { revalidatePath } from 'next/cache';
import { markIncidentReported } from '@/db/queries/incidents';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { markIncidentReportedSchema } from '@/lib/zod/schemas/incidents';

/** The report to OSHA was made (29 CFR 1904.39): stops the clock, once; audited. */
export const markIncidentReportedAction = tenantAction('org:incidents:write', markIncidentReportedSchema, async (input, { tx, ctx }) => {
  const result = await markIncidentReported(tx, await requestActor(ctx), input.incidentId, {
    reportedAt: input.reportedAt,
    reportReference: input.reportReference ?? null,
  });
  if (!result.ok) throw result.reason === 'not_found' ? PublicError.notFound() : PublicError.conflict('This incident was already reported to OSHA.');
  revalidatePath('/incidents');
  return { id: input.incidentId, reportedAt: result.incident.reportedAt!.toISOString() };
});
