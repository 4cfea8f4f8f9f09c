'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { updateOrganizationProfile } from '@/db/queries/organizations';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { organizationProfileSchema } from '@/lib/zod/schemas/settings';

/** The organization's name and operator of record; audited old → new in the same transaction. */
export const updateOrganizationProfileAction = tenantAction(
  'org:settings:manage',
  organizationProfileSchema,
  async function updateOrganizationProfileAction(input, { tx, ctx }) {
    const saved = await updateOrganizationProfile(tx, ctx.orgId, input);
    if (!saved) throw PublicError.notFound();
    await recordAudit(tx, await requestActor(ctx), {
      action: 'update',
      entityType: 'organization',
      entityId: ctx.orgId,
      before: saved.before,
      after: saved.after,
    });
    revalidatePath('/settings');
    return { saved: true };
  },
);
