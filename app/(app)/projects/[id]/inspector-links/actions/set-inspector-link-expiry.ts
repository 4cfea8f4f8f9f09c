'use server';

import { revalidatePath } from 'next/cache';
import { orgTimeZone } from '@/db/queries/dashboard';
import { getInspectorLink, updateInspectorLink } from '@/db/queries/inspector-links';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { endOfDayIn } from '@/lib/inspect/link-expiry';
import { setInspectorLinkExpirySchema } from '@/lib/zod/schemas/inspector-links';

/** Set or clear a live link's last day (audited). A revoked link stays revoked. */
export const setInspectorLinkExpiryAction = tenantAction(
  'org:projects:write',
  setInspectorLinkExpirySchema,
  async ({ id, expiresOn }, { tx, ctx }) => {
    const link = await getInspectorLink(tx, ctx.orgId, id);
    if (!link) throw PublicError.notFound();
    if (link.revokedAt) throw PublicError.conflict('This link is revoked; create a new one instead.');
    const expiresAt = expiresOn ? endOfDayIn(expiresOn, await orgTimeZone(tx, ctx.orgId)) : null;
    if (expiresAt && expiresAt <= new Date()) throw PublicError.badRequest('The expiry date must be today or later.');
    await updateInspectorLink(tx, await requestActor(ctx), id, { expiresAt }, 'update');
    revalidatePath(`/projects/${link.projectId}/inspector-links`);
    return { id, expiresAt: expiresAt?.toISOString() ?? null };
  },
);
