'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { saveSecuritySettings } from '@/db/queries/security-settings';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { forgetBusinessHours } from '@/lib/security/off-hours';
import { securitySettingsSchema } from '@/lib/zod/schemas/security';

/** Save business hours, time zone and alert thresholds; audited in the same transaction. */
export const updateSecuritySettingsAction = tenantAction(
  'org:settings:manage',
  securitySettingsSchema,
  async (input, { tx, ctx }) => {
    const { before, after } = await saveSecuritySettings(tx, ctx.orgId, input);
    await recordAudit(tx, await requestActor(ctx), {
      action: before ? 'update' : 'create',
      entityType: 'security_settings',
      entityId: ctx.orgId,
      before,
      after,
    });
    forgetBusinessHours(ctx.orgId);
    revalidatePath('/security');
    return { saved: true };
  },
  // Alert thresholds and business hours decide what owners are warned about: step-up (docs/auth.md).
  { stepUp: true },
);
