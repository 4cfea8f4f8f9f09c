import 'server-only';
import { listUnsealedSigned, sealInspectionRecord, type Inspection } from '@/db/queries/inspections';
import type { Actor } from '@/db/queries/audit';
import type { Tx } from '@/db/tenant';
import { RECORD_HASH_VERSION, recordSha256 } from './record-hash';

/**
 * Seals a just-signed inspection: the SHA-256 of its signed record in the
 * current layout, computed over the row the signature update returned and
 * stored on it with the layout's version in the same transaction (so a
 * signature never commits without its digest).
 */
export async function sealSignedInspection(tx: Tx, actor: Actor, signed: Inspection): Promise<string> {
  const digest = recordSha256(signed, RECORD_HASH_VERSION);
  const sealed = await sealInspectionRecord(tx, actor, signed.id, { digest, version: RECORD_HASH_VERSION });
  if (!sealed) throw new Error(`inspection ${signed.id} could not be sealed (not signed, or sealed already)`);
  return digest;
}

/**
 * Rows signed before record_sha256 existed get their digest over the record
 * as stored (drizzle/0016 allows null → digest once). Run by the seed for the
 * demo tenants; idempotent. Returns how many rows were sealed.
 */
export async function backfillRecordHashes(tx: Tx, actor: Actor): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await listUnsealedSigned(tx, actor.orgId);
    for (const row of batch) {
      const seal = { digest: recordSha256(row, RECORD_HASH_VERSION), version: RECORD_HASH_VERSION };
      if (await sealInspectionRecord(tx, actor, row.id, seal)) sealed++;
    }
    if (batch.length < 500) return sealed;
  }
}
