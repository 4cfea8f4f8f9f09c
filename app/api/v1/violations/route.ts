import { listViolations } from '@/db/queries/violations';
import { PublicError } from '@/lib/api/errors';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { toPage } from '@/lib/pagination/cursor';
import { readIdempotencyKey } from '@/lib/validation/idempotency-key';
import { isResponse, readJsonBody, readQuery } from '@/lib/validation/request';
import { recordViolation } from '@/lib/violations/record-violation';
import { violationJson } from '@/lib/violations/serialize';
import { createViolationSchema, listViolationsQuery } from '@/lib/zod/schemas/violations';

// GET /api/v1/violations - the tenant's violations, newest first (?projectId=&status=open,in_progress&cursor=&limit=)
export const GET = tenantRoute({ permission: 'org:data:read' }, async (req, { tx, ctx }) => {
  const q = readQuery(req, listViolationsQuery);
  if (isResponse(q)) return q;
  const rows = await listViolations(tx, ctx.orgId, {
    projectId: q.projectId,
    status: q.status,
    cursor: q.cursor,
    limit: q.limit,
  });
  const page = toPage(
    rows.map((r) => ({ ...violationJson(r.violation, { projectName: r.projectName, typeName: r.typeName }) })),
    q.limit,
  );
  return { items: page.items, nextCursor: page.nextCursor };
});

// POST /api/v1/violations - record a violation (deadline defaults from its type); 201 with the violation, again 201 with the same one on a retry with the same Idempotency-Key
export const POST = tenantRoute({ permission: 'org:violations:write' }, async (req, { tx, ctx }) => {
  const key = readIdempotencyKey(req);
  if (isResponse(key)) return key;
  const body = await readJsonBody(req, createViolationSchema);
  if (isResponse(body)) return body;
  const violation = await recordViolation(tx, await requestActor(ctx), {
    ...body,
    idempotencyKey: key ?? body.idempotencyKey,
  });
  if (!violation) throw PublicError.notFound();
  return Response.json(violationJson(violation), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
