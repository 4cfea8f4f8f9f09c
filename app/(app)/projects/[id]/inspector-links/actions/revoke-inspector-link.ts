'use server';

import { revalidatePath } from 'next/cache';
import { getInspectorLink, updateInspectorLink } from '@/db/queries/inspector-links';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { revokeInspectorLinkSchema } from '@/lib/zod/schemas/inspector-links';

/** Revoke a QR link (audited): from the next request on, its URL is the same 404 as an unknown token. */
export const revokeInspectorLinkAction = tenantAction(
  'org:projects:write',
  revokeInspectorLinkSchema,
  async ({ id }, { tx, ctx }) => {
    const link = await getInspectorLink(tx, ctx.orgId, id);
    if (!link) throw PublicError.notFound();
    if (!link.revokedAt)
      await updateInspectorLink(tx, await requestActor(ctx), id, { revokedAt: new Date() }, 'delete');
    revalidatePath(`/projects/${link.projectId}/inspector-links`);
    return { id };
  },
);
