import 'server-only';
import { auditChainAfter, type ChainLink } from '@/db/queries/audit-chain';
import type { Tx } from '@/db/tenant';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainBreak =
  /** The row's content no longer hashes to its stored row_hash: it was edited after it was written. */
  | 'content_changed'
  /** The row does not point at the previous row's hash: a row before it was changed or replaced. */
  | 'link_broken'
  /** A sequence number is missing: a row was removed. */
  | 'row_missing';

export interface ChainReport {
  ok: boolean;
  /** Rows checked (up to and including the first break). */
  checked: number;
  /** The last good link: record it elsewhere to detect a truncated tail later. */
  head: { chainSeq: number; rowHash: string } | null;
  /** The first row that fails, and the sequence number the chain expected there. */
  firstBreak: { chainSeq: number; expectedSeq: number; id: string; createdAt: Date; reason: ChainBreak } | null;
}

const BATCH = 1000;

function breakOf(link: ChainLink, expectedSeq: number, prevHash: string): ChainBreak | null {
  if (link.chainSeq !== expectedSeq) return 'row_missing';
  if (link.prevHash !== prevHash) return 'link_broken';
  if (link.recomputed !== link.rowHash) return 'content_changed';
  return null;
}

/**
 * Walk an organization's audit chain from its first row and stop at the first
 * broken link. Reads in keyset batches, so memory stays flat for any log size;
 * runs inside the caller's tenant door (RLS shows only this org's rows).
 */
export async function verifyAuditChain(tx: Tx, orgId: string): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let seq = 0;
  let checked = 0;
  let head: ChainReport['head'] = null;
  for (;;) {
    const links = await auditChainAfter(tx, orgId, seq, BATCH);
    for (const link of links) {
      checked++;
      const reason = breakOf(link, seq + 1, prevHash);
      if (reason) {
        return { ok: false, checked, head, firstBreak: { chainSeq: link.chainSeq, expectedSeq: seq + 1, id: link.id, createdAt: link.createdAt, reason } };
      }
      seq = link.chainSeq;
      prevHash = link.rowHash;
      head = { chainSeq: link.chainSeq, rowHash: link.rowHash };
    }
    if (links.length < BATCH) return { ok: true, checked, head, firstBreak: null };
  }
}
