import { parseJson, tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { requestQueuedPhotoUpload } from '@/lib/files/request-upload';
import { queuedPhotoUploadSchema } from '@/lib/zod/schemas/files';

// POST /api/v1/photos - a photo kept on the device offline: pending row with the device's id + presigned POST; same id again → same row (200 { stored: true } once confirmed)
export const POST = tenantRoute({ permission: 'org:photos:upload' }, async (req, { tx, ctx }) => {
  const body = await parseJson(req, queuedPhotoUploadSchema);
  const ticket = await requestQueuedPhotoUpload(tx, await requestActor(ctx), body);
  return Response.json(ticket, { status: 'stored' in ticket ? 200 : 201, headers: { 'Cache-Control': 'no-store' } });
});
