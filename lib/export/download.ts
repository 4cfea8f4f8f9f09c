import 'server-only';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { getExport } from '@/db/queries/exports';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { presignExport } from './storage';
import { exportView } from './view';

const NOT_READY: Record<string, string> = {
  queued: 'This export has not started yet. Wait until it is ready.',
  running: 'This export is still running. Wait until it is ready.',
  failed: 'This export failed; there is nothing to download. Start a new export.',
  expired: 'This export has expired. Start a new export.',
};

/**
 * A 5-minute download URL of a finished export of this org, minted only here: the row is found
 * through the door (another org's id is a 404), must be succeeded and unexpired (else 409: never
 * a zip still being written), and the hand-out is audited.
 */
export async function exportDownloadUrl(tx: Tx, actor: Actor, id: string): Promise<string> {
  const row = await getExport(tx, actor.orgId, id);
  if (!row) throw PublicError.notFound();
  const view = exportView(row);
  if (view.state !== 'succeeded' || !row.objectKey) throw PublicError.conflict(NOT_READY[view.state] ?? NOT_READY.failed!);
  const day = row.createdAt.toISOString().slice(0, 10);
  const url = await presignExport(actor.orgId, row.id, row.objectKey, `brave-forms-export-${day}-${row.id.slice(0, 8)}.zip`);
  await recordAudit(tx, actor, { action: 'download_export', entityType: 'data_export', entityId: row.id, after: { bytes: row.bytes } });
  return url;
}
