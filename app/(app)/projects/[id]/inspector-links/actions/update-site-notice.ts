'use server';

import { revalidatePath } from 'next/cache';
import { getProject, updateProject } from '@/db/queries/projects';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { updateSiteNoticeSchema } from '@/lib/zod/schemas/inspector-links';

/** The contact and SWPPP lines of the posted notice (EPA 2022 CGP Part 1.5), audited as a project update. */
export const updateSiteNoticeAction = tenantAction(
  'org:projects:write',
  updateSiteNoticeSchema,
  async ({ projectId, ...notice }, { tx, ctx }) => {
    if (!(await getProject(tx, ctx.orgId, projectId))) throw PublicError.notFound();
    await updateProject(tx, await requestActor(ctx), projectId, notice);
    revalidatePath(`/projects/${projectId}/inspector-links`);
    return { id: projectId };
  },
);
