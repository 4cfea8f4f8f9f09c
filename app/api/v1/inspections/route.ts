import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { listInspections } from '@/db/queries/inspections';
import { PublicError } from '@/lib/api/errors';
import { parseJson, tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { startInspection } from '@/lib/inspections/inspection-form';
import { pageQuery, toPage } from '@/lib/pagination/cursor';
import { createInspectionApiSchema, listInspectionsQuery } from '@/lib/zod/schemas/inspections';

const listQuery = listInspectionsQuery.extend(pageQuery.shape);

/** Query string → zod; a bad parameter is a 400 naming every bad field. */
function parseQuery(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = listQuery.safeParse(params);
  if (parsed.success) return parsed.data;
  const flat = z.flattenError(parsed.error);
  throw PublicError.badRequest(
    Object.entries(flat.fieldErrors)
      .map(([k, v]) => `${k}: ${(v as string[]).join(', ')}`)
      .join('; '),
  );
}

// GET /api/v1/inspections - the tenant's inspections, newest first (?projectId=&status=draft,submitted&cursor=&limit=)
export const GET = tenantRoute({ permission: 'org:data:read' }, async (req, { tx, ctx }) => {
  const q = parseQuery(req);
  const rows = await listInspections(tx, ctx.orgId, {
    projectId: q.projectId,
    status: q.status,
    cursor: q.cursor,
    limit: q.limit,
  });
  return toPage(
    rows.map((r) => ({ ...r.inspection, projectName: r.projectName })),
    q.limit,
  );
});

// POST /api/v1/inspections - start a draft inspection with its EPA form; same idempotencyKey → same inspection
export const POST = tenantRoute({ permission: 'org:forms:submit' }, async (req, { tx, ctx }) => {
  const body = await parseJson(req, createInspectionApiSchema);
  const { inspection, replayed } = await startInspection(tx, await requestActor(ctx), {
    ...body,
    idempotencyKey: body.idempotencyKey ?? randomUUID(),
  });
  return Response.json(
    { inspection, replayed },
    { status: replayed ? 200 : 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
