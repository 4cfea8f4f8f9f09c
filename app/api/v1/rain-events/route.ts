import { createRainEvent } from '@/db/queries/rain-events';
import { PublicError } from '@/lib/api/errors';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { rainEventPage } from '@/lib/projects/rain-event-page';
import { rainEventJson } from '@/lib/projects/serialize';
import { KEY_REUSED, readIdempotencyKey } from '@/lib/validation/idempotency-key';
import { isResponse, readJsonBody, readQuery } from '@/lib/validation/request';
import { rainEventListQuery, recordRainEventSchema } from '@/lib/zod/schemas/rain-events';

// GET /api/v1/rain-events - the tenant's rain entries, newest first (?projectId=&cursor=&limit=)
export const GET = tenantRoute({ permission: 'org:data:read' }, async (req, { tx, ctx }) => {
  const q = readQuery(req, rainEventListQuery);
  if (isResponse(q)) return q;
  const page = await rainEventPage(tx, ctx.orgId, q);
  return {
    items: page.items.map(({ projectName, projectTimeZone: _zone, ...e }) => rainEventJson(e, projectName)),
    nextCursor: page.nextCursor,
  };
});

// POST /api/v1/rain-events - record a rain gauge entry; 404 when the project is missing or another tenant's; a retry with the same Idempotency-Key answers the first entry (201 again)
export const POST = tenantRoute({ permission: 'org:forms:submit' }, async (req, { tx, ctx }) => {
  const key = readIdempotencyKey(req);
  if (isResponse(key)) return key;
  const body = await readJsonBody(req, recordRainEventSchema);
  if (isResponse(body)) return body;
  const event = await createRainEvent(tx, await requestActor(ctx), {
    ...body,
    idempotencyKey: key ?? body.idempotencyKey,
  });
  if (!event) throw PublicError.notFound();
  if (event.projectId !== body.projectId) throw PublicError.conflict(KEY_REUSED);
  return Response.json(rainEventJson(event), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
