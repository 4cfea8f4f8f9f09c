import { listCorrectiveActions } from '@/db/queries/corrective-actions';
import { getViolationDetail, updateViolation } from '@/db/queries/violations';
import { PublicError } from '@/lib/api/errors';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { isResponse, pathId, readJsonBody } from '@/lib/validation/request';
import { correctiveActionJson, violationJson } from '@/lib/violations/serialize';
import { patchViolationSchema } from '@/lib/zod/schemas/violations';

type Params = { id: string };

// GET /api/v1/violations/:id - one violation with its corrective actions
export const GET = tenantRoute<Params>({ permission: 'org:data:read' }, async (_req, { tx, ctx, params }) => {
  const id = pathId(params.id);
  const detail = await getViolationDetail(tx, ctx.orgId, id);
  if (!detail) throw PublicError.notFound();
  const actions = await listCorrectiveActions(tx, ctx.orgId, id);
  return {
    ...violationJson(detail.violation, { projectName: detail.projectName, typeName: detail.typeName }),
    correctiveActions: actions.map(correctiveActionJson),
  };
});

// PATCH /api/v1/violations/:id - edit details and/or move status one step (409 when the step is not allowed)
export const PATCH = tenantRoute<Params>({ permission: 'org:violations:write' }, async (req, { tx, ctx, params }) => {
  const id = pathId(params.id);
  const body = await readJsonBody(req, patchViolationSchema);
  if (isResponse(body)) return body;
  const result = await updateViolation(tx, await requestActor(ctx), id, body);
  if (!result.ok)
    throw result.reason === 'not_found'
      ? PublicError.notFound()
      : PublicError.conflict(result.message ?? 'That change is not allowed.');
  return violationJson(result.violation);
});
