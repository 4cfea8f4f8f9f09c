'use server';

import { revalidatePath } from 'next/cache';
import { countStoredPhotos, getFileSettings } from '@/db/queries/files';
import { advanceCorrectiveAction } from '@/db/queries/violations';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { hasPermission } from '@/lib/auth/tenant-context';
import { advanceCorrectiveActionSchema } from '@/lib/zod/schemas/violations';

/**
 * Move a corrective action one step. Crews do the fixing on site, so field
 * work ('org:forms:submit') may start it and mark it fixed; verifying a fix
 * or reopening it is an inspection call and needs 'org:violations:write'.
 */
export const advanceCorrectiveActionAction = tenantAction(
  'org:forms:submit',
  advanceCorrectiveActionSchema,
  async ({ id, to }, { tx, ctx }) => {
    if ((to === 'verified' || to === 'open') && !hasPermission(ctx, 'org:violations:write')) {
      throw PublicError.forbidden('Only an inspector or supervisor can verify or reopen a corrective action.');
    }
    if (to === 'fixed' && (await getFileSettings(tx, ctx.orgId)).fixedRequiresPhoto && (await countStoredPhotos(tx, ctx.orgId, id)) === 0) {
      // A missing or foreign id must still answer 404, not this message: let the query decide first.
      const exists = await advanceCorrectiveAction(tx, await requestActor(ctx), id, 'fixed', { dryRun: true });
      if (!exists.ok) throw exists.reason === 'not_found' ? PublicError.notFound() : PublicError.conflict(exists.message ?? 'That step is not allowed.');
      throw PublicError.conflict('Attach a close-out photo before marking this fixed (your organization requires one).');
    }
    const result = await advanceCorrectiveAction(tx, await requestActor(ctx), id, to);
    if (!result.ok)
      throw result.reason === 'not_found'
        ? PublicError.notFound()
        : PublicError.conflict(result.message ?? 'That step is not allowed.');
    revalidatePath(`/violations/${result.action.violationId}`);
    revalidatePath('/dashboard');
    return { id, status: result.action.status };
  },
);
