'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { removeLogo } from '@/lib/settings/organization-logo';
import { removeOrganizationLogoSchema } from '@/lib/zod/schemas/settings';

/** Notices and reports go back to the name alone; the object is deleted. Audited. */
export const removeOrganizationLogoAction = tenantAction(
  'org:settings:manage',
  removeOrganizationLogoSchema,
  async function removeOrganizationLogoAction(_input, { tx, ctx }) {
    const saved = await removeLogo(tx, ctx.orgId);
    await recordAudit(tx, await requestActor(ctx), { action: 'update', entityType: 'organization', entityId: ctx.orgId, before: saved.before, after: saved.after });
    revalidatePath('/settings');
    return { removed: saved.before.logoKey !== null };
  },
);
