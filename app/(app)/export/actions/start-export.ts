'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { requestOrganizationExport } from '@/lib/export/request-export';
import { startExportSchema } from '@/lib/zod/schemas/exports';

/** Owners and admins, with a recent second factor (docs/export.md): queues one export of the whole organization. */
export const startExportAction = tenantAction(
  'org:export:run',
  startExportSchema,
  async function startExportAction(_input, { tx, ctx }) {
    const row = await requestOrganizationExport(tx, await requestActor(ctx));
    revalidatePath('/export');
    return { id: row.id };
  },
  { stepUp: true },
);
