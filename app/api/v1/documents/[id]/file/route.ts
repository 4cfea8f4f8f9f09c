import { tenantRoute } from '@/lib/api/tenant-route';
import { documentDownloadUrl } from '@/lib/files/download';
import { pathId } from '@/lib/validation/request';

type Params = { id: string };

// GET /api/v1/documents/:id/file - 302 to a short-lived presigned URL (always an attachment)
export const GET = tenantRoute<Params>({ permission: 'org:data:read' }, async (_req, { tx, ctx, params }) => {
  const url = await documentDownloadUrl(tx, ctx, pathId(params.id));
  return new Response(null, { status: 302, headers: { Location: url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
});
