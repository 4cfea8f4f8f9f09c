'use server';

import { revalidatePath } from 'next/cache';
import { getInspection, signInspection } from '@/db/queries/inspections';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { certificationStatementFor } from '@/lib/inspections/certification';
import { signInspectionSchema } from '@/lib/zod/schemas/inspections';

/**
 * Certification, signed once by the qualified person: typed name and title;
 * the statement is the server's constant for the inspection's type (the
 * 40 CFR 122.22(d) statement on stormwater reports; never the client's text)
 * and the timestamp the server's clock. From here on the row is immutable.
 */
export const signInspectionAction = tenantAction(
  'org:inspections:sign',
  signInspectionSchema,
  async (input, { tx, ctx }) => {
    const inspection = await getInspection(tx, ctx.orgId, input.inspectionId);
    if (!inspection) throw PublicError.notFound();
    const result = await signInspection(tx, await requestActor(ctx), input.inspectionId, {
      name: input.name,
      title: input.title,
      statement: certificationStatementFor(inspection.type),
    });
    if (!result.ok)
      throw result.reason === 'not_found'
        ? PublicError.notFound()
        : PublicError.conflict(result.message ?? 'Cannot sign.');
    revalidatePath('/inspections');
    revalidatePath(`/inspections/${input.inspectionId}`);
    return { inspectionId: input.inspectionId, signedAt: result.inspection.signedAt!.toISOString() };
  },
);
