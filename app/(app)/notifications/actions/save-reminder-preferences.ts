'use server';

import { revalidatePath } from 'next/cache';
import { saveReminderPreferences } from '@/db/queries/notifications';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { reminderPreferencesSchema } from '@/lib/zod/schemas/reminders';

/** The signed-in member's own reminder choices in the current organization (audited). */
export const saveReminderPreferencesAction = tenantAction('org:data:read', reminderPreferencesSchema, async (input, { tx, ctx }) => {
  const row = await saveReminderPreferences(tx, await requestActor(ctx), input);
  revalidatePath('/notifications');
  return { inspections: row.inspections, reports: row.reports, email: row.email };
});
