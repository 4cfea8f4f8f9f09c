import 'server-only';
import type { Tx } from '@/db/tenant';
import { recomputeAllObligations } from './recompute-obligations';

/**
 * Compute the stored obligations of every active project of the tenant.
 * Idempotent: run by the seed (existing databases get their rows on the next
 * `npm run db:seed`), harmless to run again. It must run through the door: a
 * backfill as the owner sees no rows under FORCE RLS.
 */
export async function backfillObligations(tx: Tx, orgId: string, now = new Date()): Promise<number> {
  return (await recomputeAllObligations(tx, orgId, now)).length;
}
