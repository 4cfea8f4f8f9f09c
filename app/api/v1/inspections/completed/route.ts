import { PublicError } from '@/lib/api/errors';
import { parseJson, tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { recordCompletedInspection } from '@/lib/inspections/record-completed';
import { completeInspectionSchema } from '@/lib/zod/schemas/inspections';

// POST /api/v1/inspections/completed - an inspection filled on the device (offline), started and submitted in one transaction; same idempotencyKey → same inspection, recorded once
export const POST = tenantRoute({ permission: 'org:forms:submit' }, async (req, { tx, ctx }) => {
  const body = await parseJson(req, completeInspectionSchema);
  const outcome = await recordCompletedInspection(tx, await requestActor(ctx), body);
  if (outcome.status === 'invalid') {
    const n = Object.keys(outcome.fieldErrors).length;
    // Thrown, so the transaction rolls back: nothing half-written; the device keeps the answers.
    throw new PublicError(
      'unprocessable',
      `${n} ${n === 1 ? 'answer needs' : 'answers need'} fixing.`,
      outcome.fieldErrors,
    );
  }
  return Response.json(
    { inspectionId: outcome.inspectionId, replayed: outcome.replayed },
    { status: outcome.replayed ? 200 : 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
