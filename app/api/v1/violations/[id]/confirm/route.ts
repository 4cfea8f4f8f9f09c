import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { isResponse, pathId, readJsonBody } from '@/lib/validation/request';
import { confirmReportedFinding } from '@/lib/violations/review-finding';
import { confirmFindingBody } from '@/lib/zod/schemas/violations';

type Params = { id: string };

// POST /api/v1/violations/:id/confirm - confirm a reported finding: open, with its deadline and a corrective action (409 when already reviewed)
export const POST = tenantRoute<Params>({ permission: 'org:findings:review' }, async (req, { tx, ctx, params }) => {
  const id = pathId(params.id);
  const body = await readJsonBody(req, confirmFindingBody);
  if (isResponse(body)) return body;
  return confirmReportedFinding(tx, ctx, await requestActor(ctx), { ...body, id });
});
