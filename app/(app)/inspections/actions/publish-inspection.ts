'use server';

import { revalidatePath } from 'next/cache';
import { publishInspection } from '@/db/queries/inspections';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { inspectionIdSchema } from '@/lib/zod/schemas/inspections';

/**
 * Publish a signed inspection (it becomes part of the site's public record).
 * Needs 'org:inspections:sign': releasing a certified record is the certifying
 * inspector's call, not every editor's; crew can fill and submit, not publish.
 */
export const publishInspectionAction = tenantAction(
  'org:inspections:sign',
  inspectionIdSchema,
  async (input, { tx, ctx }) => {
    const result = await publishInspection(tx, await requestActor(ctx), input.inspectionId);
    if (!result.ok)
      throw result.reason === 'not_found'
        ? PublicError.notFound()
        : PublicError.conflict(result.message ?? 'Cannot publish.');
    revalidatePath('/inspections');
    revalidatePath(`/inspections/${input.inspectionId}`);
    return { inspectionId: input.inspectionId };
  },
);
