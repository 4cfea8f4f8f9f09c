'use server';

import { revalidatePath } from 'next/cache';
import { currentSwppp } from '@/db/queries/files';
import { getProject, updateProject } from '@/db/queries/projects';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { setPublicSwpppSchema } from '@/lib/zod/schemas/inspector-links';

/**
 * Show (or stop showing) the project's current SWPPP on the public QR page, audited as a
 * project update. "Show" points at the newest stored SWPPP version; newer versions take its
 * place while the choice stands (db/queries/files.ts). brave_public can read no other document.
 */
export const setPublicSwpppAction = tenantAction(
  'org:projects:write',
  setPublicSwpppSchema,
  async ({ projectId, show }, { tx, ctx }) => {
    if (!(await getProject(tx, ctx.orgId, projectId))) throw PublicError.notFound();
    const doc = show === 'show' ? await currentSwppp(tx, ctx.orgId, projectId) : undefined;
    if (show === 'show' && !doc) {
      throw PublicError.badRequest('Upload the SWPPP (document type “SWPPP”) on the project page first.');
    }
    await updateProject(tx, await requestActor(ctx), projectId, { publicSwpppDocumentId: doc?.id ?? null });
    revalidatePath(`/projects/${projectId}/inspector-links`);
    return { id: projectId, shown: Boolean(doc) };
  },
);
