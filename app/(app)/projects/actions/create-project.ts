'use server';

import { revalidatePath } from 'next/cache';
import { createProject } from '@/db/queries/projects';
import { tenantAction } from '@/lib/actions/tenant-action';
import { requestActor } from '@/lib/audit/actor';
import { assertProjectAvailable } from '@/lib/billing/limits';
import { createProjectSchema } from '@/lib/zod/schemas/projects';

/** Create a job site; the create and its audit row share one transaction (db/queries/projects). */
export const createProjectAction = tenantAction(
  'org:projects:write',
  createProjectSchema,
  async (input, { tx, ctx }) => {
    await assertProjectAvailable(tx, ctx.orgId);
    const project = await createProject(tx, await requestActor(ctx), input);
    revalidatePath('/projects');
    revalidatePath('/dashboard');
    return { id: project.id };
  },
);
