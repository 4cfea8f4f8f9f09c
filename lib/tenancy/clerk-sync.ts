import 'server-only';
import type { WebhookEvent } from '@clerk/nextjs/webhooks';
import { eq } from 'drizzle-orm';
import { deleteMembership, upsertMembership } from '@/db/queries/memberships';
import { deleteUser, insertUserIfMissing, upsertUser } from '@/db/queries/users';
import { claimSyncVersion, recordWebhookEvent } from '@/db/queries/webhooks';
import { organizations } from '@/db/schema';
import { withIdentity, withTenant, type Tx } from '@/db/tenant';
import { tenantCache } from '@/lib/cache';
import { parseRole } from '@/lib/rbac/permissions';
import { provisionTenantIn, SYSTEM_USER } from './provision';

/**
 * Applies Clerk webhook events to our tables. Each event runs in ONE
 * transaction, scoped by RLS to the organization (or user) it concerns:
 *   1. record the svix id (a redelivery stops here),
 *   2. claim the entity's version (an older or tombstoned state stops here),
 *   3. upsert / mark inactive / delete.
 * A failure rolls all three back, so svix's retry applies it in full.
 */
type EventData<T extends WebhookEvent['type']> = Extract<WebhookEvent, { type: T }>['data'];
type OrganizationJSON = EventData<'organization.created' | 'organization.updated'>;
type OrganizationMembershipJSON = EventData<'organizationMembership.created' | 'organizationMembership.updated' | 'organizationMembership.deleted'>;
type UserJSON = EventData<'user.created' | 'user.updated'>;

export type SyncOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored';

const SOURCE = 'clerk';
const as = { org: (orgId: string) => ({ orgId, userId: SYSTEM_USER }) };

async function applyOrganization(tx: Tx, org: OrganizationJSON): Promise<SyncOutcome> {
  if (!(await claimSyncVersion(tx, { type: 'organization', id: org.id, scope: { org: org.id } }, org.updated_at))) return 'stale';
  await provisionTenantIn(tx, { orgId: org.id, name: org.name, slug: org.slug });
  await tx
    .update(organizations)
    .set({ name: org.name, slug: org.slug, updatedAt: new Date() })
    .where(eq(organizations.organizationId, org.id));
  return 'applied';
}

async function applyMembership(tx: Tx, m: OrganizationMembershipJSON, deleted: boolean, eventTime: number): Promise<SyncOutcome> {
  const orgId = m.organization.id;
  const userId = m.public_user_data.user_id;
  const version = deleted ? Math.max(m.updated_at ?? 0, eventTime) : m.updated_at;
  if (!(await claimSyncVersion(tx, { type: 'membership', id: `${orgId}:${userId}`, scope: { org: orgId } }, version, deleted))) {
    return 'stale';
  }
  if (deleted) {
    await deleteMembership(tx, orgId, userId);
    return 'applied';
  }
  // The membership may arrive before organization.created: provision from the embedded org (idempotent).
  await provisionTenantIn(tx, { orgId, name: m.organization.name, slug: m.organization.slug });
  const role = parseRole(m.role);
  if (!role) console.warn(`[clerk webhook] unknown role ${m.role} for ${userId} in ${orgId}: stored as viewer`);
  await upsertMembership(tx, orgId, userId, role ?? 'viewer');
  return 'applied';
}

function primaryEmail(user: UserJSON): string {
  const primary = user.email_addresses.find((e) => e.id === user.primary_email_address_id) ?? user.email_addresses[0];
  return primary?.email_address ?? `${user.id}@users.invalid`;
}

/**
 * Apply one verified event. `svixId` is the delivery's id (header svix-id).
 * An applied organization or membership event invalidates that tenant's cache
 * after its commit (one INCR): status, plan and everything derived from them.
 */
export async function applyClerkEvent(svixId: string, evt: WebhookEvent): Promise<SyncOutcome> {
  const outcome = await applyEvent(svixId, evt);
  const orgId = orgOfEvent(evt);
  if (outcome === 'applied' && orgId) await tenantCache(as.org(orgId)).invalidate();
  return outcome;
}

function orgOfEvent(evt: WebhookEvent): string | undefined {
  switch (evt.type) {
    case 'organization.created':
    case 'organization.updated':
    case 'organization.deleted':
      return evt.data.id ?? undefined;
    case 'organizationMembership.created':
    case 'organizationMembership.updated':
    case 'organizationMembership.deleted':
      return evt.data.organization.id;
    default:
      return undefined;
  }
}

async function applyEvent(svixId: string, evt: WebhookEvent): Promise<SyncOutcome> {
  const eventTime = evt.timestamp ?? Date.now();
  switch (evt.type) {
    case 'organization.created':
    case 'organization.updated': {
      const org = evt.data;
      return withTenant(as.org(org.id), async (tx) =>
        (await recordWebhookEvent(tx, svixId, SOURCE, evt.type)) ? applyOrganization(tx, org) : 'duplicate',
      );
    }
    case 'organization.deleted': {
      const orgId = evt.data.id;
      if (!orgId) return 'ignored';
      return withTenant(as.org(orgId), async (tx) => {
        if (!(await recordWebhookEvent(tx, svixId, SOURCE, evt.type))) return 'duplicate';
        // Permanent tombstone: a late organization.updated can't reactivate it.
        if (!(await claimSyncVersion(tx, { type: 'organization', id: orgId, scope: { org: orgId } }, eventTime, true))) return 'stale';
        // Deletion of the tenant's data is a separate, audited job; here it only stops being usable.
        await tx
          .update(organizations)
          .set({ active: false, deactivatedAt: new Date(eventTime), updatedAt: new Date() })
          .where(eq(organizations.organizationId, orgId));
        return 'applied';
      });
    }
    case 'organizationMembership.created':
    case 'organizationMembership.updated':
    case 'organizationMembership.deleted': {
      const m = evt.data;
      // Scoped to the org, acting as the member: RLS admits their users row (insert-if-missing) too.
      return withTenant({ orgId: m.organization.id, userId: m.public_user_data.user_id }, async (tx) => {
        if (!(await recordWebhookEvent(tx, svixId, SOURCE, evt.type))) return 'duplicate';
        const outcome = await applyMembership(tx, m, evt.type === 'organizationMembership.deleted', eventTime);
        if (outcome === 'applied' && evt.type !== 'organizationMembership.deleted') {
          const u = m.public_user_data;
          await insertUserIfMissing(tx, { id: u.user_id, email: u.identifier, firstName: u.first_name, lastName: u.last_name, imageUrl: u.image_url });
        }
        return outcome;
      });
    }
    case 'user.created':
    case 'user.updated': {
      const user = evt.data;
      return withIdentity(user.id, async (tx) => {
        if (!(await recordWebhookEvent(tx, svixId, SOURCE, evt.type))) return 'duplicate';
        if (!(await claimSyncVersion(tx, { type: 'user', id: user.id, scope: { user: user.id } }, user.updated_at))) return 'stale';
        await upsertUser(tx, {
          id: user.id,
          email: primaryEmail(user),
          firstName: user.first_name,
          lastName: user.last_name,
          imageUrl: user.image_url,
        });
        return 'applied';
      });
    }
    case 'user.deleted': {
      const userId = evt.data.id;
      if (!userId) return 'ignored';
      return withIdentity(userId, async (tx) => {
        if (!(await recordWebhookEvent(tx, svixId, SOURCE, evt.type))) return 'duplicate';
        if (!(await claimSyncVersion(tx, { type: 'user', id: userId, scope: { user: userId } }, eventTime, true))) return 'stale';
        // Memberships go with their own organizationMembership.deleted events.
        await deleteUser(tx, userId);
        return 'applied';
      });
    }
    default:
      return 'ignored';
  }
}
