'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { decodeLogo, replaceLogo } from '@/lib/settings/organization-logo';
import { organizationLogoSchema } from '@/lib/zod/schemas/settings';

/** A new logo for notices, reports and settings (docs/settings.md); audited old → new object. */
export const updateOrganizationLogoAction = tenantAction(
  'org:settings:manage',
  organizationLogoSchema,
  async function updateOrganizationLogoAction(input, { tx, ctx }) {
    const saved = await replaceLogo(tx, ctx.orgId, decodeLogo(input.logo));
    await recordAudit(tx, await requestActor(ctx), { action: 'update', entityType: 'organization', entityId: ctx.orgId, before: saved.before, after: saved.after });
    revalidatePath('/settings');
    return { sizeBytes: saved.after.logoSizeBytes, savedAt: new Date().toISOString() };
  },
);
