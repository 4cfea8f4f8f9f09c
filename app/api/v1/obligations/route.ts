import { obligationsDueBetween } from '@/db/queries/obligations';
import { orgTimeZone } from '@/db/queries/dashboard';
import { tenantRoute } from '@/lib/api/tenant-route';
import { obligationJson } from '@/lib/compliance/obligation-json';
import { toItem } from '@/lib/compliance/obligation-view';
import { isResponse, readQuery } from '@/lib/validation/request';
import { obligationsDueQuery } from '@/lib/zod/schemas/obligations';

// GET /api/v1/obligations - open obligations due in [from, to), earliest first, with why and permit part (?to=&from=&projectId=&limit=); stored rows only
export const GET = tenantRoute({ permission: 'org:data:read' }, async (req, { tx, ctx }) => {
  const q = readQuery(req, obligationsDueQuery);
  if (isResponse(q)) return q;
  const now = new Date();
  const zone = await orgTimeZone(tx, ctx.orgId);
  const rows = await obligationsDueBetween(tx, ctx.orgId, {
    from: q.from ? new Date(q.from) : undefined,
    to: new Date(q.to),
    projectId: q.projectId,
    limit: q.limit,
  });
  return { items: rows.map((r) => obligationJson(toItem(r, now, zone))) };
});
