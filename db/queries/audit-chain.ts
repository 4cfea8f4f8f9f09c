import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { auditLog } from '../schema';
import type { Tx } from '../tenant';

/** One link of an organization's audit chain, with the hash recomputed from the row as stored now. */
export interface ChainLink {
  id: string;
  chainSeq: number;
  prevHash: string;
  rowHash: string;
  recomputed: string;
  createdAt: Date;
}

/**
 * The org's audit rows after `afterSeq`, in chain order, each with
 * `audit_log_row_hash(row)` (drizzle/0014_audit_hash_chain.sql) computed by the
 * database over the row as it is stored now: a row edited after it was written
 * no longer matches its `row_hash`.
 */
export async function auditChainAfter(tx: Tx, orgId: string, afterSeq: number, limit: number): Promise<ChainLink[]> {
  return tx
    .select({
      id: auditLog.id,
      chainSeq: auditLog.chainSeq,
      prevHash: auditLog.prevHash,
      rowHash: auditLog.rowHash,
      recomputed: sql<string>`audit_log_row_hash(${auditLog})`,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, orgId), gt(auditLog.chainSeq, afterSeq)))
    .orderBy(asc(auditLog.chainSeq))
    .limit(limit);
}
