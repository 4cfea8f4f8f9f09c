'use server';

import { revalidatePath } from 'next/cache';
import { getProject, updateProject } from '@/db/queries/projects';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { archiveProjectSchema } from '@/lib/zod/schemas/projects';

/**
 * Archive a job site (audited as `archive`). Nothing is deleted: its
 * inspections and rain records stay part of the permit file. Archiving an
 * archived project changes nothing and writes no audit row.
 */
export const archiveProjectAction = tenantAction(
  'org:projects:write',
  archiveProjectSchema,
  async ({ id }, { tx, ctx }) => {
    const current = await getProject(tx, ctx.orgId, id);
    if (!current) throw PublicError.notFound();
    if (current.status !== 'archived') {
      await updateProject(tx, await requestActor(ctx), id, { status: 'archived' });
    }
    revalidatePath('/projects');
    revalidatePath(`/projects/${id}`);
    revalidatePath('/dashboard');
    return { id };
  },
);
