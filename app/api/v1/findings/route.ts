import { PublicError } from '@/lib/api/errors';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { readIdempotencyKey } from '@/lib/validation/idempotency-key';
import { isResponse, readJsonBody } from '@/lib/validation/request';
import { recordFinding } from '@/lib/violations/record-violation';
import { violationJson } from '@/lib/violations/serialize';
import { recordFindingSchema } from '@/lib/zod/schemas/violations';

// POST /api/v1/findings - report a finding (a violation in the `reported` state, for a reviewer); 201, the same one again on a retry with the same Idempotency-Key
export const POST = tenantRoute({ permission: 'org:findings:report' }, async (req, { tx, ctx }) => {
  const key = readIdempotencyKey(req);
  if (isResponse(key)) return key;
  const body = await readJsonBody(req, recordFindingSchema);
  if (isResponse(body)) return body;
  const finding = await recordFinding(tx, await requestActor(ctx), { ...body, idempotencyKey: key ?? body.idempotencyKey });
  if (!finding) throw PublicError.notFound();
  return Response.json(violationJson(finding), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
