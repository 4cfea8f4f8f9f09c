import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import { supportAccessGrants } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

/** A break-glass grant, audited in the tenant's own log (lib/support/break-glass.ts). */
export async function createSupportGrant(tx: Tx, actor: Actor, grant: { staff: string; reason: string; expiresAt: Date }) {
  const [row] = await tx
    .insert(supportAccessGrants)
    .values({ organizationId: actor.orgId, staff: grant.staff, reason: grant.reason, expiresAt: grant.expiresAt })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'support_access_grant', entityId: row!.id, after: row });
  return row!;
}

/** The staff member's grant on this org that is still running at `now`, if any. */
export async function activeGrantOf(tx: Tx, orgId: string, staff: string, now: Date) {
  const [row] = await tx
    .select()
    .from(supportAccessGrants)
    .where(and(eq(supportAccessGrants.organizationId, orgId), eq(supportAccessGrants.staff, staff), gt(supportAccessGrants.expiresAt, now)))
    .orderBy(desc(supportAccessGrants.expiresAt))
    .limit(1);
  return row ?? null;
}

/** Every grant of the org, newest first: what its owners are shown. */
export async function listSupportGrants(tx: Tx, orgId: string, limit: number) {
  return tx
    .select()
    .from(supportAccessGrants)
    .where(eq(supportAccessGrants.organizationId, orgId))
    .orderBy(desc(supportAccessGrants.createdAt), desc(supportAccessGrants.id))
    .limit(limit);
}
