import { createProject, listProjects } from '@/db/queries/projects';
import { queryCacheKey } from '@/lib/api/cache-key';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { assertProjectAvailable } from '@/lib/billing/limits';
import { toPage } from '@/lib/pagination/cursor';
import { projectJson } from '@/lib/projects/serialize';
import { isResponse, readJsonBody, readQuery } from '@/lib/validation/request';
import { createProjectSchema, projectListQuery } from '@/lib/zod/schemas/projects';

/** The list's cache key: one per validated query (an invalid query is answered, not cached). */
function listKey(req: Request): string | undefined {
  const q = readQuery(req, projectListQuery);
  return isResponse(q) ? undefined : queryCacheKey('api:projects', q);
}

// GET /api/v1/projects - the tenant's projects, newest first (?search=&status=&cursor=&limit=); cached per tenant and query
export const GET = tenantRoute({ permission: 'org:data:read', cache: { ttlSeconds: 60, key: listKey } }, async (req, { tx, ctx }) => {
  const q = readQuery(req, projectListQuery);
  if (isResponse(q)) return q;
  const rows = await listProjects(tx, ctx.orgId, {
    search: q.search ?? undefined,
    status: q.status ?? undefined,
    cursor: q.cursor,
    limit: q.limit,
  });
  const page = toPage(rows, q.limit);
  return { items: page.items.map(projectJson), nextCursor: page.nextCursor };
});

// POST /api/v1/projects - create a project (job site); 201 with the project
export const POST = tenantRoute({ permission: 'org:projects:write' }, async (req, { tx, ctx }) => {
  const body = await readJsonBody(req, createProjectSchema);
  if (isResponse(body)) return body;
  await assertProjectAvailable(tx, ctx.orgId);
  const project = await createProject(tx, await requestActor(ctx), body);
  return Response.json(projectJson(project), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
