'use server';

import { revalidatePath } from 'next/cache';
import { getInspection, signInspection } from '@/db/queries/inspections';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { certificationStatementFor } from '@/lib/inspections/certification';
import { sealSignedInspection } from '@/lib/inspections/seal-record';
import { signInspectionSchema } from '@/lib/zod/schemas/inspections';

/**
 * Certification, signed once by the qualified person: typed name, title and
 * qualifications (CGP 2022 Part 4.1.1, part of the signed record's layout 2);
 * the statement is the server's constant for the inspection's type (the
 * 40 CFR 122.22(d) statement on stormwater reports; never the client's text)
 * and the timestamp the server's clock. From here on the row is immutable; its
 * record's SHA-256 is stored in the same transaction (lib/inspections/seal-record.ts).
 */
export const signInspectionAction = tenantAction(
  'org:inspections:sign',
  signInspectionSchema,
  async (input, { tx, ctx }) => {
    const inspection = await getInspection(tx, ctx.orgId, input.inspectionId);
    if (!inspection) throw PublicError.notFound();
    const actor = await requestActor(ctx);
    const result = await signInspection(tx, actor, input.inspectionId, {
      name: input.name,
      title: input.title,
      qualifications: input.qualifications,
      statement: certificationStatementFor(inspection.type),
    });
    if (!result.ok)
      throw result.reason === 'not_found'
        ? PublicError.notFound()
        : PublicError.conflict(result.message ?? 'Cannot sign.');
    await sealSignedInspection(tx, actor, result.inspection);
    revalidatePath('/inspections');
    revalidatePath(`/inspections/${input.inspectionId}`);
    return { inspectionId: input.inspectionId, signedAt: result.inspection.signedAt!.toISOString() };
  },
);
