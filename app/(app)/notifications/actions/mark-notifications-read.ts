'use server';

import { revalidatePath } from 'next/cache';
import { markNotificationsRead } from '@/db/queries/notifications';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { markNotificationsReadSchema } from '@/lib/zod/schemas/reminders';

/** Every reminder of the signed-in member in this organization marked read (the bell goes to 0). */
export const markNotificationsReadAction = tenantAction('org:data:read', markNotificationsReadSchema, async (_input, { tx, ctx }) => {
  const marked = await markNotificationsRead(tx, await requestActor(ctx));
  revalidatePath('/notifications');
  return { marked };
});
