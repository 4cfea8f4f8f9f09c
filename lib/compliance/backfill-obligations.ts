import 'server-only';
import { activeProjectIds } from '@/db/queries/obligations';
import type { Tx } from '@/db/tenant';
import { recomputeObligations } from './recompute-obligations';

/**
 * Compute the stored obligations of every active project of the tenant, in
 * pages of project ids. Idempotent: run by the seed (existing databases get
 * their rows on the next `npm run db:seed`), harmless to run again. It must
 * run through the door: a backfill as the owner sees no rows under FORCE RLS.
 */
export async function backfillObligations(tx: Tx, orgId: string, now = new Date()): Promise<number> {
  let after: string | null = null;
  let n = 0;
  for (;;) {
    const ids = await activeProjectIds(tx, orgId, { after, limit: 500 });
    for (const id of ids) await recomputeObligations(tx, orgId, id, now);
    n += ids.length;
    if (ids.length < 500) return n;
    after = ids.at(-1)!;
  }
}
