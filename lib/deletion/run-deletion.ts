import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  countTenantRows,
  deleteIdentityIfOnlyHere,
  deleteTenantRows,
  getDeletionState,
  getTombstone,
  memberUserIds,
  replaceWithTombstone,
  startDeletion,
} from '@/db/org-deletion';
import { tenantTablesInDeleteOrder } from '@/db/tenant-catalog';
import { withTenant } from '@/db/tenant';
import { purgeTenantCache, tenantCache } from '@/lib/cache';
import { JOB_USER } from '@/lib/jobs/queues';
import { purgeTenantLimits } from '@/lib/ratelimit/tenant-limits';
import { deleteTenantObjects } from '@/lib/storage/delete-prefix';
import { deleteClerkOrganization } from './clerk-organization';
import { DELETE_BATCH_ROWS } from './policy';

export type DeletionOutcome =
  | { status: 'deleted'; tables: number; rows: number; objects: number; identities: number; identityProvider: Awaited<ReturnType<typeof deleteClerkOrganization>> }
  | { status: 'already_deleted' | 'not_requested' | 'not_due' | 'unknown' };

export interface DeletionHooks {
  /** After each table is emptied (tests interrupt here, as a killed worker would stop). */
  afterTable?: (table: string) => Promise<void> | void;
  batchRows?: number;
}

/**
 * The deletion job (docs/deletion.md). Each step commits on its own and can be repeated,
 * so a run that dies anywhere leaves the org "deleting" — refused for everyone at the door
 * (lib/auth/organization-status.ts) — and the next run carries on from where it stopped:
 *   1. mark the org deleting (only once its grace period is over: drizzle/0036 enforces it);
 *   2. members' identities that belong to no other org;
 *   3. every tenant table, walked from the catalog, children first, in batches;
 *   4. every object under `tenants/{orgId}/`; cache and rate-limit keys; in Clerk mode the
 *      Clerk organization;
 *   5. a check that no table holds a row of the org, then the org's own row is replaced by
 *      its tombstone in one transaction.
 * Runs as the job user through withTenant for this org: RLS confines every statement to it.
 */
export async function runOrganizationDeletion(orgId: string, hooks: DeletionHooks = {}): Promise<DeletionOutcome> {
  const job = { orgId, userId: JOB_USER };
  const state = await withTenant(job, async (tx) => {
    const before = await getDeletionState(tx, orgId);
    if (!before) return (await getTombstone(tx, orgId)) ? ('already_deleted' as const) : ('unknown' as const);
    if (!before.deletionRequestedAt) return 'not_requested' as const;
    if (before.deletionStartedAt) return before;
    const after = await startDeletion(tx, orgId);
    if (!after?.deletionStartedAt) return 'not_due' as const;
    await recordAudit(tx, { orgId, userId: JOB_USER }, { action: 'start_deletion', entityType: 'organization', entityId: orgId, before: { deletionStartedAt: null }, after: { deletionStartedAt: after.deletionStartedAt } });
    return after;
  });
  if (typeof state === 'string') return { status: state };
  // The status is cached per org (lib/auth/organization-status.ts): refuse at once, not after the TTL.
  await tenantCache(job).invalidate();

  let identities = 0;
  for (const userId of await withTenant(job, (tx) => memberUserIds(tx, orgId))) {
    // As that user: the policies let them see all of their own memberships and delete their own row.
    if (await withTenant({ orgId, userId }, (tx) => deleteIdentityIfOnlyHere(tx, orgId, userId))) identities++;
  }

  const tables = (await withTenant(job, (tx) => tenantTablesInDeleteOrder(tx))).filter((t) => t !== 'organizations');
  const batch = hooks.batchRows ?? DELETE_BATCH_ROWS;
  let rows = 0;
  for (const table of tables) {
    for (;;) {
      const n = await withTenant(job, (tx) => deleteTenantRows(tx, orgId, table, batch));
      rows += n;
      if (n < batch) break;
    }
    await hooks.afterTable?.(table);
  }

  const objects = await deleteTenantObjects(orgId);
  await purgeTenantLimits(orgId);
  // Before the tombstone: a failure here leaves the org deleting, and the retry calls Clerk again.
  const identityProvider = await deleteClerkOrganization(orgId);

  await withTenant(job, async (tx) => {
    const left: string[] = [];
    for (const table of await tenantTablesInDeleteOrder(tx)) {
      const n = await countTenantRows(tx, orgId, table);
      if (n > (table === 'organizations' ? 1 : 0)) left.push(`${table} (${n})`);
    }
    // Nothing is tombstoned while a row survives: the org stays "deleting" and the job retries.
    if (left.length) throw new Error(`organization ${orgId} still has rows in ${left.join(', ')}`);
    await replaceWithTombstone(tx, orgId, state);
  });
  // Last: a request refused during the run may have cached facts again until now.
  await purgeTenantCache(orgId);
  return { status: 'deleted', tables: tables.length + 1, rows: rows + 1, objects, identities, identityProvider };
}
