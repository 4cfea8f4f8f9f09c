import 'server-only';
import { getOrganization } from '@/db/queries/organizations';
import { withTenantRead, type Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { tenantCache } from '@/lib/cache';
import type { TenantContext } from './tenant-context';

export type OrganizationStatus = 'active' | 'inactive' | 'deleting' | 'unknown';

/** What every request needs to know about its organization; cached (key `org`), invalidated by the Clerk webhook. */
export interface OrganizationFacts {
  active: boolean;
  plan: string;
  /** Its deletion has started (docs/deletion.md): refused for everyone, whatever `active` says. */
  deleting?: boolean;
}

type Scope = Pick<TenantContext, 'orgId' | 'userId'>;

/** Short: the webhook invalidates at once; the TTL only bounds an invalidation lost to a Redis outage. */
const ORG_TTL_SECONDS = 60;

/** Our database decides whether an organization may be used, not the token alone. */
async function organizationStatusIn(tx: Tx, orgId: string): Promise<OrganizationStatus> {
  const org = await getOrganization(tx, orgId);
  if (!org) return 'unknown';
  if (org.deletionStartedAt) return 'deleting';
  return org.active ? 'active' : 'inactive';
}

const statusOf = (facts: OrganizationFacts | null): OrganizationStatus =>
  !facts ? 'unknown' : facts.deleting ? 'deleting' : facts.active ? 'active' : 'inactive';

/** The cached facts, or undefined (a miss, or the cache is off or down). */
export function cachedOrganization(ctx: Scope): Promise<OrganizationFacts | undefined> {
  return tenantCache(ctx).get<OrganizationFacts>('org');
}

/** From the database, inside the request's transaction; stores the facts for the next requests (not an unknown org). */
export async function loadOrganization(tx: Tx, ctx: Scope): Promise<OrganizationFacts | null> {
  const org = await getOrganization(tx, ctx.orgId);
  if (!org) return null;
  const facts: OrganizationFacts = { active: org.active, plan: org.plan, deleting: org.deletionStartedAt !== null };
  await tenantCache(ctx).set('org', facts, ORG_TTL_SECONDS);
  return facts;
}

export async function organizationStatus(ctx: Scope): Promise<OrganizationStatus> {
  const cached = await cachedOrganization(ctx);
  if (cached) return statusOf(cached);
  return statusOf(await withTenantRead(ctx, (tx) => loadOrganization(tx, ctx)));
}

export const INACTIVE_MESSAGE = 'This organization is not active. Choose another organization or contact its owner.';

export const DELETING_MESSAGE = 'This organization is being deleted. Nothing in it can be opened or changed any more.';

/** Refuse an organization our database doesn't know, marks inactive, or is deleting. */
export function assertActive(facts: OrganizationFacts | null): OrganizationFacts {
  if (facts?.deleting) throw PublicError.forbidden(DELETING_MESSAGE);
  if (!facts?.active) throw PublicError.forbidden(INACTIVE_MESSAGE);
  return facts;
}

/** Inside a tenant transaction, uncached (the bench's raw handler). */
export async function assertActiveOrganization(tx: Tx, orgId: string): Promise<void> {
  const status = await organizationStatusIn(tx, orgId);
  if (status === 'deleting') throw PublicError.forbidden(DELETING_MESSAGE);
  if (status !== 'active') throw PublicError.forbidden(INACTIVE_MESSAGE);
}
