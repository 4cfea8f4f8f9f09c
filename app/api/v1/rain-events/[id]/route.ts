import { getRainEvent, updateRainEvent } from '@/db/queries/rain-events';
import { PublicError } from '@/lib/api/errors';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { rainEventJson } from '@/lib/projects/serialize';
import { isResponse, pathId, readJsonBody, validationFailed } from '@/lib/validation/request';
import { patchRainEventSchema, rainDatesError } from '@/lib/zod/schemas/rain-events';

type Params = { id: string };

// GET /api/v1/rain-events/:id - one rain entry; 404 when missing or another tenant's
export const GET = tenantRoute<Params>({ permission: 'org:data:read' }, async (_req, { tx, ctx, params }) => {
  const event = await getRainEvent(tx, ctx.orgId, pathId(params.id));
  if (!event) throw PublicError.notFound();
  return rainEventJson(event);
});

// PATCH /api/v1/rain-events/:id - correct amount, times or source (never the project); 404 when missing or another tenant's
export const PATCH = tenantRoute<Params>({ permission: 'org:forms:submit' }, async (req, { tx, ctx, params }) => {
  const id = pathId(params.id);
  const patch = await readJsonBody(req, patchRainEventSchema);
  if (isResponse(patch)) return patch;
  const current = await getRainEvent(tx, ctx.orgId, id);
  if (!current) throw PublicError.notFound();
  const datesError = rainDatesError({ ...current, ...patch });
  if (datesError) return validationFailed(datesError);
  const event = await updateRainEvent(tx, await requestActor(ctx), id, patch);
  if (!event) throw PublicError.notFound();
  return rainEventJson(event);
});
