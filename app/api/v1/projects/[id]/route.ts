import { getProject, updateProject } from '@/db/queries/projects';
import { PublicError } from '@/lib/api/errors';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { projectJson } from '@/lib/projects/serialize';
import { isResponse, pathId, readJsonBody, validationFailed } from '@/lib/validation/request';
import { patchProjectSchema, permitDatesError } from '@/lib/zod/schemas/projects';

type Params = { id: string };

// GET /api/v1/projects/:id - one project; 404 when missing or another tenant's
export const GET = tenantRoute<Params>({ permission: 'org:data:read' }, async (_req, { tx, ctx, params }) => {
  const project = await getProject(tx, ctx.orgId, pathId(params.id));
  if (!project) throw PublicError.notFound();
  return projectJson(project);
});

// PATCH /api/v1/projects/:id - change the fields sent (status "archived" archives); 404 when missing or another tenant's
export const PATCH = tenantRoute<Params>({ permission: 'org:projects:write' }, async (req, { tx, ctx, params }) => {
  const id = pathId(params.id);
  const patch = await readJsonBody(req, patchProjectSchema);
  if (isResponse(patch)) return patch;
  const current = await getProject(tx, ctx.orgId, id);
  if (!current) throw PublicError.notFound();
  const datesError = permitDatesError({ ...current, ...patch });
  if (datesError) return validationFailed(datesError);
  const project = await updateProject(tx, await requestActor(ctx), id, patch);
  if (!project) throw PublicError.notFound();
  return projectJson(project);
});
