import { revalidatePath } from 'next/cache';
import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { confirmPhotoUploadOnce } from '@/lib/files/confirm-upload';
import { pathId } from '@/lib/validation/request';

type Params = { id: string };

// POST /api/v1/photos/:id/confirm - check the bytes that arrived in storage and keep the photo; a second confirm of a stored photo answers 200 { replayed: true }
export const POST = tenantRoute<Params>({ permission: 'org:photos:upload' }, async (_req, { tx, ctx, params }) => {
  const { photo, replayed } = await confirmPhotoUploadOnce(tx, await requestActor(ctx), pathId(params.id));
  if (photo.inspectionId) revalidatePath(`/inspections/${photo.inspectionId}`);
  return Response.json(
    { id: photo.id, inspectionId: photo.inspectionId, bmpItemKey: photo.bmpItemKey, replayed },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
