import { z } from 'zod';
import { PublicError } from '@/lib/api/errors';
import { parseJson, tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { getInspectionDetail, patchInspectionDraft } from '@/lib/inspections/inspection-form';
import { patchInspectionSchema } from '@/lib/zod/schemas/inspections';

type Params = { id: string };

/** A malformed id can't name a row: the same 404 as a missing or foreign one. */
function idOf(params: Params): string {
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw PublicError.notFound();
  return parsed.data;
}

// GET /api/v1/inspections/:id - one inspection with its form data and template version
export const GET = tenantRoute<Params>({ permission: 'org:data:read' }, async (_req, { tx, ctx, params }) => {
  const detail = await getInspectionDetail(tx, ctx.orgId, idOf(params));
  if (!detail) throw PublicError.notFound();
  const { inspection, form } = detail;
  return {
    inspection,
    form: form
      ? {
          id: form.submission.id,
          status: form.submission.status,
          templateKey: form.template.key,
          templateVersion: form.template.version,
          data: form.submission.data,
          submittedAt: form.submission.submittedAt,
        }
      : null,
  };
});

// PATCH /api/v1/inspections/:id - change a draft's fields (type, findings, rain gauge…); 409 once submitted or signed
export const PATCH = tenantRoute<Params>({ permission: 'org:forms:submit' }, async (req, { tx, ctx, params }) => {
  const id = idOf(params);
  const patch = await parseJson(req, patchInspectionSchema);
  return { inspection: await patchInspectionDraft(tx, await requestActor(ctx), id, patch) };
});
