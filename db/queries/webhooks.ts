import 'server-only';
import { and, eq } from 'drizzle-orm';
import { clerkSyncState, webhookEvents } from '../schema';
import type { Tx } from '../tenant';

/**
 * Record a delivery by its svix id. `false` when it was applied before: the
 * caller does nothing more. In the same transaction as the change it guards,
 * so a delivery that fails half-way is retried in full.
 */
export async function recordWebhookEvent(tx: Tx, id: string, source: string, type: string): Promise<boolean> {
  const rows = await tx.insert(webhookEvents).values({ id, source, type }).onConflictDoNothing().returning({ id: webhookEvents.id });
  return rows.length > 0;
}

export type SyncEntity = 'organization' | 'membership' | 'user';
export type SyncScope = { org: string; user?: undefined } | { org?: undefined; user: string };

/**
 * Claim version `version` of an entity. `false` when a newer (or equal)
 * version was already applied, or the entity is a permanent tombstone.
 * Membership deletions are not permanent (a user can be re-added later with
 * a newer version); organization and user deletions are.
 */
export async function claimSyncVersion(
  tx: Tx,
  entity: { type: SyncEntity; id: string; scope: SyncScope },
  version: number,
  deleted = false,
  retry = true,
): Promise<boolean> {
  const [current] = await tx
    .select()
    .from(clerkSyncState)
    .where(and(eq(clerkSyncState.entityType, entity.type), eq(clerkSyncState.entityId, entity.id)))
    .for('update')
    .limit(1);
  if (current) {
    if (current.deleted && entity.type !== 'membership') return false;
    if (current.version >= version) return false;
    await tx
      .update(clerkSyncState)
      .set({ version, deleted, updatedAt: new Date() })
      .where(and(eq(clerkSyncState.entityType, entity.type), eq(clerkSyncState.entityId, entity.id)));
    return true;
  }
  const inserted = await tx
    .insert(clerkSyncState)
    .values({
      entityType: entity.type,
      entityId: entity.id,
      scopeOrg: entity.scope.org ?? null,
      scopeUser: entity.scope.user ?? null,
      version,
      deleted,
    })
    .onConflictDoNothing()
    .returning({ id: clerkSyncState.entityId });
  // A concurrent delivery inserted the row first: compare against it (the lock now waits for it).
  if (!inserted.length && retry) return claimSyncVersion(tx, entity, version, deleted, false);
  return inserted.length > 0;
}
