'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { markSecurityAlertsReviewed } from '@/db/queries/security-settings';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { markAlertsReviewedSchema } from '@/lib/zod/schemas/security';

/**
 * Owner/admin acknowledges the alerts they saw: the shell's banner stays quiet
 * until an alert newer than `through` (the newest one on their page; never a
 * later one they haven't seen, and never the future).
 */
export const markAlertsReviewedAction = tenantAction(
  'org:settings:manage',
  markAlertsReviewedSchema,
  async ({ through }, { tx, ctx }) => {
    const at = through.getTime() > Date.now() ? new Date() : through;
    const change = await markSecurityAlertsReviewed(tx, ctx.orgId, at);
    if (!change) throw PublicError.conflict('Save the security settings first.');
    await recordAudit(tx, await requestActor(ctx), {
      action: 'update',
      entityType: 'security_settings',
      entityId: ctx.orgId,
      before: change.before,
      after: change.after,
    });
    revalidatePath('/security');
    revalidatePath('/', 'layout');
    return { reviewedAt: at.toISOString() };
  },
);
