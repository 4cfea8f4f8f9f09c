import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { deleteMembership, getMembership, listUserMemberships, upsertMembership } from '@/db/queries/memberships';
import { getOrganization } from '@/db/queries/organizations';
import { deleteUser, getUser, insertUserIfMissing, upsertUser } from '@/db/queries/users';
import { claimSyncVersion, recordWebhookEvent } from '@/db/queries/webhooks';
import { organizations } from '@/db/schema';
import { asTenantWithin, withIdentity, withTenant, type Tx } from '@/db/tenant';
import { clerkWebhookActor } from '@/lib/audit/actor';
import { tenantCache } from '@/lib/cache';
import { parseRole } from '@/lib/rbac/permissions';
import type { ClerkEvent, MembershipData, MembershipDeletedData, OrganizationData, UserData } from './clerk-events';
import { provisionAndAudit, SYSTEM_USER } from './provision';

/**
 * Applies Clerk webhook events (validated by clerk-events.ts) to our tables.
 * Each event runs in ONE transaction, scoped by RLS to the organization (or
 * user) it concerns:
 *   1. record the svix id (a redelivery stops here),
 *   2. claim the entity's version (an older or tombstoned state stops here),
 *   3. upsert / mark inactive / delete, and audit it (actor: the Clerk
 *      webhook with the svix id, lib/audit/actor.ts).
 * A failure rolls all of it back, so svix's retry applies it in full.
 */
export type SyncOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored';

const SOURCE = 'clerk';
const as = { org: (orgId: string) => ({ orgId, userId: SYSTEM_USER }) };

async function applyOrganization(tx: Tx, actor: Actor, org: OrganizationData): Promise<SyncOutcome> {
  if (!(await claimSyncVersion(tx, { type: 'organization', id: org.id, scope: { org: org.id } }, org.updated_at))) return 'stale';
  const before = await getOrganization(tx, org.id);
  await provisionAndAudit(tx, actor, org);
  if (before && (before.name !== org.name || before.slug !== org.slug)) {
    await tx
      .update(organizations)
      .set({ name: org.name, slug: org.slug, updatedAt: new Date() })
      .where(eq(organizations.organizationId, org.id));
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'organization',
      entityId: org.id,
      before: { name: before.name, slug: before.slug },
      after: { name: org.name, slug: org.slug },
    });
  }
  return 'applied';
}

async function deactivateOrganization(tx: Tx, actor: Actor, orgId: string, eventTime: number): Promise<SyncOutcome> {
  // Permanent tombstone: a late organization.updated can't reactivate it.
  if (!(await claimSyncVersion(tx, { type: 'organization', id: orgId, scope: { org: orgId } }, eventTime, true))) return 'stale';
  const before = await getOrganization(tx, orgId);
  if (!before) return 'applied'; // never provisioned here: nothing to deactivate, nothing to audit
  // Deletion of the tenant's data is a separate, audited job; here it only stops being usable.
  const deactivatedAt = new Date(eventTime);
  await tx
    .update(organizations)
    .set({ active: false, deactivatedAt, updatedAt: new Date() })
    .where(eq(organizations.organizationId, orgId));
  await recordAudit(tx, actor, {
    action: 'deactivate',
    entityType: 'organization',
    entityId: orgId,
    before: { active: before.active, deactivatedAt: before.deactivatedAt },
    after: { active: false, deactivatedAt },
  });
  return 'applied';
}

async function claimMembership(tx: Tx, orgId: string, userId: string, version: number, deleted: boolean) {
  return claimSyncVersion(tx, { type: 'membership', id: `${orgId}:${userId}`, scope: { org: orgId } }, version, deleted);
}

async function applyMembership(tx: Tx, actor: Actor, m: MembershipData): Promise<SyncOutcome> {
  const orgId = m.organization.id;
  const userId = m.public_user_data.user_id;
  if (!(await claimMembership(tx, orgId, userId, m.updated_at, false))) return 'stale';
  const before = await getMembership(tx, orgId, userId);
  // The membership may arrive before organization.created: provision from the embedded org (idempotent).
  await provisionAndAudit(tx, actor, m.organization);
  const parsed = parseRole(m.role);
  if (!parsed) console.warn(`[clerk webhook] unknown role ${m.role} for ${userId} in ${orgId}: stored as viewer`);
  const role = parsed ?? 'viewer';
  await upsertMembership(tx, orgId, userId, role);
  const u = m.public_user_data;
  const email = u.identifier || `${userId}@users.invalid`;
  await insertUserIfMissing(tx, { id: userId, email, firstName: u.first_name, lastName: u.last_name, imageUrl: u.image_url });
  const entry = { entityType: 'membership', entityId: userId };
  if (!before) await recordAudit(tx, actor, { ...entry, action: 'create', after: { userId, role, clerkRole: m.role } });
  else if (before.role !== role) {
    await recordAudit(tx, actor, { ...entry, action: 'update', before: { role: before.role }, after: { role, clerkRole: m.role } });
  }
  return 'applied';
}

async function removeMembership(tx: Tx, actor: Actor, m: MembershipDeletedData, eventTime: number): Promise<SyncOutcome> {
  const orgId = m.organization.id;
  const userId = m.public_user_data.user_id;
  if (!(await claimMembership(tx, orgId, userId, Math.max(m.updated_at ?? 0, eventTime), true))) return 'stale';
  const before = await getMembership(tx, orgId, userId);
  if (!before) return 'applied'; // already gone: nothing changed
  await deleteMembership(tx, orgId, userId);
  await recordAudit(tx, actor, { action: 'delete', entityType: 'membership', entityId: userId, before: { userId, role: before.role } });
  return 'applied';
}

function primaryEmail(user: UserData): string {
  const primary = user.email_addresses.find((e) => e.id === user.primary_email_address_id) ?? user.email_addresses[0];
  return primary?.email_address ?? `${user.id}@users.invalid`;
}

type UserFields = { email: string; firstName: string | null; lastName: string | null; imageUrl: string | null };
const userFields = (u: UserFields | undefined) =>
  u ? { email: u.email, firstName: u.firstName, lastName: u.lastName, imageUrl: u.imageUrl } : null;

/**
 * A person is not a tenant: their change is audited in every organization
 * they belong to (the ones that see their name), in this same transaction.
 * A user with no membership yet has no tenant log to hold it; the
 * webhook_events row is the record then.
 */
async function auditUserChange(tx: Tx, svixId: string, userId: string, entry: { action: 'create' | 'update' | 'delete'; before: object | null; after: object | null }) {
  for (const m of await listUserMemberships(tx, userId)) {
    await asTenantWithin(tx, m.orgId, () =>
      recordAudit(tx, clerkWebhookActor(m.orgId, svixId), { ...entry, entityType: 'user', entityId: userId }),
    );
  }
}

async function applyUser(tx: Tx, svixId: string, user: UserData): Promise<SyncOutcome> {
  if (!(await claimSyncVersion(tx, { type: 'user', id: user.id, scope: { user: user.id } }, user.updated_at))) return 'stale';
  const before = userFields(await getUser(tx, user.id));
  const after = { email: primaryEmail(user), firstName: user.first_name, lastName: user.last_name, imageUrl: user.image_url };
  await upsertUser(tx, { id: user.id, ...after });
  if (!before) await auditUserChange(tx, svixId, user.id, { action: 'create', before: null, after });
  else if (JSON.stringify(before) !== JSON.stringify(after)) await auditUserChange(tx, svixId, user.id, { action: 'update', before, after });
  return 'applied';
}

async function removeUser(tx: Tx, svixId: string, userId: string, eventTime: number): Promise<SyncOutcome> {
  if (!(await claimSyncVersion(tx, { type: 'user', id: userId, scope: { user: userId } }, eventTime, true))) return 'stale';
  const before = userFields(await getUser(tx, userId));
  if (!before) return 'applied';
  // Memberships go with their own organizationMembership.deleted events; audit while they still show the orgs.
  await auditUserChange(tx, svixId, userId, { action: 'delete', before, after: null });
  await deleteUser(tx, userId);
  return 'applied';
}

/**
 * Apply one verified, validated event. `svixId` is the delivery's id (header svix-id).
 * An applied organization or membership event invalidates that tenant's cache
 * after its commit (one INCR): status, plan and everything derived from them.
 */
export async function applyClerkEvent(svixId: string, evt: ClerkEvent): Promise<SyncOutcome> {
  const outcome = await applyEvent(svixId, evt);
  const orgId = orgOfEvent(evt);
  if (outcome === 'applied' && orgId) await tenantCache(as.org(orgId)).invalidate();
  return outcome;
}

function orgOfEvent(evt: ClerkEvent): string | undefined {
  switch (evt.type) {
    case 'organization.created':
    case 'organization.updated':
    case 'organization.deleted':
      return evt.data.id;
    case 'organizationMembership.created':
    case 'organizationMembership.updated':
    case 'organizationMembership.deleted':
      return evt.data.organization.id;
    default:
      return undefined;
  }
}

async function applyEvent(svixId: string, evt: ClerkEvent): Promise<SyncOutcome> {
  const eventTime = evt.timestamp ?? Date.now();
  const once = async (tx: Tx, apply: () => Promise<SyncOutcome>) =>
    (await recordWebhookEvent(tx, svixId, SOURCE, evt.type)) ? apply() : 'duplicate';
  switch (evt.type) {
    case 'organization.created':
    case 'organization.updated': {
      const org = evt.data;
      return withTenant(as.org(org.id), (tx) => once(tx, () => applyOrganization(tx, clerkWebhookActor(org.id, svixId), org)));
    }
    case 'organization.deleted': {
      const orgId = evt.data.id;
      return withTenant(as.org(orgId), (tx) =>
        once(tx, () => deactivateOrganization(tx, clerkWebhookActor(orgId, svixId), orgId, eventTime)),
      );
    }
    case 'organizationMembership.created':
    case 'organizationMembership.updated': {
      const m = evt.data;
      const orgId = m.organization.id;
      // Scoped to the org, acting as the member: RLS admits their users row (insert-if-missing) too.
      return withTenant({ orgId, userId: m.public_user_data.user_id }, (tx) =>
        once(tx, () => applyMembership(tx, clerkWebhookActor(orgId, svixId), m)),
      );
    }
    case 'organizationMembership.deleted': {
      const m = evt.data;
      const orgId = m.organization.id;
      return withTenant({ orgId, userId: m.public_user_data.user_id }, (tx) =>
        once(tx, () => removeMembership(tx, clerkWebhookActor(orgId, svixId), m, eventTime)),
      );
    }
    case 'user.created':
    case 'user.updated': {
      const user = evt.data;
      return withIdentity(user.id, (tx) => once(tx, () => applyUser(tx, svixId, user)));
    }
    case 'user.deleted': {
      const userId = evt.data.id;
      return withIdentity(userId, (tx) => once(tx, () => removeUser(tx, svixId, userId, eventTime)));
    }
  }
}
