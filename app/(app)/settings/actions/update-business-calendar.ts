'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { saveBusinessCalendar } from '@/db/queries/compliance-settings';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { businessCalendarSchema } from '@/lib/zod/schemas/site-conditions';

/**
 * The organization's business calendar (closed dates, US federal holidays,
 * close of business): what "the next business day" means for routine
 * maintenance (CGP 2022 Part 2.1.4). Audited old → new; the audit entry
 * (compliance_settings) makes the door recompute every active project's
 * stored obligations before COMMIT (db/obligations-touched.ts).
 */
export const updateBusinessCalendarAction = tenantAction(
  'org:settings:manage',
  businessCalendarSchema,
  async function updateBusinessCalendarAction(input, { tx, ctx }) {
    const saved = await saveBusinessCalendar(tx, ctx.orgId, {
      closedDays: input.closedDays,
      observeUsFederalHolidays: input.observeUsFederalHolidays,
      closeOfBusinessMinutes: input.closeOfBusiness,
    });
    if (!saved) throw PublicError.conflict('Save the compliance rules above first.');
    await recordAudit(tx, await requestActor(ctx), {
      action: 'update',
      entityType: 'compliance_settings',
      entityId: ctx.orgId,
      before: saved.before,
      after: saved.after,
    });
    revalidatePath('/settings');
    return { saved: true };
  },
  // Like the compliance rules (docs/auth.md, step-up): it moves deadlines of every project.
  { stepUp: true },
);
