import 'server-only';
import { listRainEvents } from '@/db/queries/rain-events';
import type { Tx } from '@/db/tenant';
import type { Cursor } from '@/db/queries/keyset';
import { toPage } from '@/lib/pagination/cursor';

/** One page of the tenant's rain entries, newest first, each with its project's name and zone (page and API). */
export async function rainEventPage(
  tx: Tx,
  orgId: string,
  q: { projectId?: string | null; cursor?: Cursor; limit: number },
) {
  const rows = await listRainEvents(tx, orgId, { projectId: q.projectId ?? undefined, cursor: q.cursor, limit: q.limit });
  return toPage(
    rows.map((r) => ({ ...r.event, projectName: r.projectName, projectTimeZone: r.projectTimeZone })),
    q.limit,
  );
}
