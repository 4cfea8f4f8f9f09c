import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { exportDownloadUrl } from '@/lib/export/download';
import { pathId } from '@/lib/validation/request';

type Params = { id: string };

// GET /api/v1/exports/:id/file - 302 to a 5-minute presigned URL of a finished export (409 unless succeeded and unexpired; audited)
export const GET = tenantRoute<Params>({ permission: 'org:export:run', audited: true }, async (_req, { tx, ctx, params }) => {
  const url = await exportDownloadUrl(tx, await requestActor(ctx), pathId(params.id));
  return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
});
