'use server';

import { revalidatePath } from 'next/cache';
import { updateProject } from '@/db/queries/projects';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { updateProjectFormSchema } from '@/lib/zod/schemas/projects';

/** Save the edit form (every field). A missing or other tenant's id is the same "Not found." */
export const updateProjectAction = tenantAction(
  'org:projects:write',
  updateProjectFormSchema,
  async (input, { tx, ctx }) => {
    const { id, ...values } = input;
    const project = await updateProject(tx, await requestActor(ctx), id, values);
    if (!project) throw PublicError.notFound();
    revalidatePath('/projects');
    revalidatePath(`/projects/${id}`);
    revalidatePath('/dashboard');
    return { id: project.id };
  },
);
