'use server';

import { revalidatePath } from 'next/cache';
import { countStoredPhotos, getFileSettings } from '@/db/queries/files';
import { advanceCorrectiveAction } from '@/db/queries/corrective-actions';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { hasPermission } from '@/lib/auth/tenant-context';
import { advanceCorrectiveActionSchema } from '@/lib/zod/schemas/violations';

function refusal(r: { reason: 'not_found' | 'conflict' | 'forbidden'; message?: string }): PublicError {
  if (r.reason === 'not_found') return PublicError.notFound();
  if (r.reason === 'forbidden') return PublicError.forbidden(r.message ?? 'Not yours to change.');
  return PublicError.conflict(r.message ?? 'That step is not allowed.');
}

/**
 * Move a corrective action one step. Crews do the fixing on site, so field
 * work ('org:forms:submit') may start it and mark it fixed — their own, the
 * ones assigned to them; verifying a fix, reopening it or moving someone
 * else's is an inspection call and needs 'org:violations:write'.
 */
export const advanceCorrectiveActionAction = tenantAction(
  'org:forms:submit',
  advanceCorrectiveActionSchema,
  async ({ id, to }, { tx, ctx }) => {
    if ((to === 'verified' || to === 'open') && !hasPermission(ctx, 'org:violations:write')) {
      throw PublicError.forbidden('Only an inspector or supervisor can verify or reopen a corrective action.');
    }
    const own = hasPermission(ctx, 'org:violations:write') ? {} : { onlyAssignedTo: ctx.userId };
    if (to === 'fixed' && (await getFileSettings(tx, ctx.orgId)).fixedRequiresPhoto && (await countStoredPhotos(tx, ctx.orgId, id)) === 0) {
      // A missing or foreign id must still answer 404, not this message: let the query decide first.
      const exists = await advanceCorrectiveAction(tx, await requestActor(ctx), id, 'fixed', { dryRun: true, ...own });
      if (!exists.ok) throw refusal(exists);
      throw PublicError.conflict('Attach a close-out photo before marking this fixed (your organization requires one).');
    }
    const result = await advanceCorrectiveAction(tx, await requestActor(ctx), id, to, own);
    if (!result.ok) throw refusal(result);
    revalidatePath(`/violations/${result.action.violationId}`);
    revalidatePath('/dashboard');
    return { id, status: result.action.status };
  },
);
