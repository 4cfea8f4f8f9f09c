import { tenantRoute } from '@/lib/api/tenant-route';
import { requestActor } from '@/lib/audit/actor';
import { loadInspectorPacket, streamInspectorPacket } from '@/lib/retention/inspector-packet';
import { pathId } from '@/lib/validation/request';

type Params = { id: string };

// GET /api/v1/projects/:id/inspector-packet - a zip of the project's SWPPP versions, signed reports, corrective-action log and rain data (404 other tenant's or missing)
export const GET = tenantRoute<Params>({ permission: 'org:packets:download', audited: true }, async (_req, { tx, ctx, params }) => {
  const packet = await loadInspectorPacket(tx, ctx, await requestActor(ctx), pathId(params.id));
  return new Response(streamInspectorPacket(packet), {
    status: 200,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${packet.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
