'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { saveComplianceSettings } from '@/db/queries/compliance-settings';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { forgetBusinessHours } from '@/lib/security/off-hours';
import { complianceSettingsSchema } from '@/lib/zod/schemas/settings';

/** Rain threshold, deadlines, retention, the org's zone and business hours, photo rules; audited old → new. */
export const updateComplianceSettingsAction = tenantAction(
  'org:settings:manage',
  complianceSettingsSchema,
  async function updateComplianceSettingsAction(input, { tx, ctx }) {
    const { before, after } = await saveComplianceSettings(tx, ctx.orgId, input);
    await recordAudit(tx, await requestActor(ctx), {
      action: before ? 'update' : 'create',
      entityType: 'compliance_settings',
      entityId: ctx.orgId,
      before,
      after,
    });
    // The off-hours detector keeps the org's hours in memory: drop them so the new ones apply now.
    forgetBusinessHours(ctx.orgId);
    revalidatePath('/settings');
    revalidatePath('/security');
    return { saved: true };
  },
  // Sensitive (docs/auth.md, step-up): a second factor verified in the last 10 minutes.
  { stepUp: true },
);
