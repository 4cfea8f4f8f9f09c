import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { isResponse, pathId, readJsonBody } from '@/lib/validation/request';
import { dismissReportedFinding } from '@/lib/violations/review-finding';
import { dismissFindingBody } from '@/lib/zod/schemas/violations';

type Params = { id: string };

// POST /api/v1/violations/:id/dismiss - dismiss a reported finding with its reason (409 when already reviewed)
export const POST = tenantRoute<Params>({ permission: 'org:findings:review' }, async (req, { tx, ctx, params }) => {
  const id = pathId(params.id);
  const body = await readJsonBody(req, dismissFindingBody);
  if (isResponse(body)) return body;
  return dismissReportedFinding(tx, await requestActor(ctx), { ...body, id });
});
