import { tenantRoute } from '@/lib/api/tenant-route';
import { photoDownloadUrl } from '@/lib/files/download';
import { pathId } from '@/lib/validation/request';

type Params = { id: string };

// GET /api/v1/photos/:id/file - 302 to a short-lived presigned URL of the photo (inline; ?download=1 as an attachment)
export const GET = tenantRoute<Params>({ permission: 'org:data:read' }, async (req, { tx, ctx, params }) => {
  const url = await photoDownloadUrl(tx, ctx, pathId(params.id), { download: new URL(req.url).searchParams.get('download') === '1' });
  return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
});
