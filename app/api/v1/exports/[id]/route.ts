import { getExport } from '@/db/queries/exports';
import { PublicError } from '@/lib/api/errors';
import { tenantRoute } from '@/lib/api/tenant-route';
import { exportView } from '@/lib/export/view';
import { pathId } from '@/lib/validation/request';

type Params = { id: string };

// GET /api/v1/exports/:id - an export's state and progress (the /export page polls it while it runs)
export const GET = tenantRoute<Params>({ permission: 'org:export:run' }, async (_req, { tx, ctx, params }) => {
  const row = await getExport(tx, ctx.orgId, pathId(params.id));
  if (!row) throw PublicError.notFound();
  return Response.json(exportView(row), { headers: { 'Cache-Control': 'no-store' } });
});
