import 'server-only';
import { getOrganization } from '@/db/queries/organizations';
import { countProjects } from '@/db/queries/projects';
import { storageBytes } from '@/db/queries/files';
import { seatsTaken } from '@/db/queries/members';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { limitsOf, PLAN_LABEL, type PlanLimits, type PlanTier } from './plans';

/**
 * The plan limits where they bite (docs/billing.md): a new member (an
 * invitation holds a seat), a new project, an upload. Each check runs in the
 * request's transaction before the write; a refusal is a 409 / form error
 * that says which limit and how to lift it. Counts race only within one
 * org's concurrent requests, at worst one over: acceptable for a plan limit.
 */
export async function orgLimits(tx: Tx, orgId: string): Promise<PlanLimits & { tier: PlanTier }> {
  const org = await getOrganization(tx, orgId);
  return limitsOf(org ?? { plan: 'trial', userLimit: 0 });
}

const lift = (tier: PlanTier) => `Your ${PLAN_LABEL[tier]} plan`;

export async function assertSeatAvailable(tx: Tx, orgId: string, now: Date): Promise<void> {
  const limits = await orgLimits(tx, orgId);
  if (limits.users === null) return;
  const { members, invited } = await seatsTaken(tx, orgId, now);
  if (members + invited >= limits.users) {
    throw PublicError.conflict(
      `${lift(limits.tier)} allows ${limits.users} users, and ${members} members plus ${invited} open invitations use them all. Remove a member or revoke an invitation, or upgrade on the Billing page.`,
    );
  }
}

export async function assertProjectAvailable(tx: Tx, orgId: string): Promise<void> {
  const limits = await orgLimits(tx, orgId);
  if (limits.projects === null) return;
  const n = await countProjects(tx, orgId);
  if (n >= limits.projects) {
    throw PublicError.conflict(`${lift(limits.tier)} allows ${limits.projects} projects, and all are in use. Archive one or upgrade on the Billing page.`);
  }
}

export async function assertStorageAvailable(tx: Tx, orgId: string, addBytes: number): Promise<void> {
  const limits = await orgLimits(tx, orgId);
  if (limits.storageBytes === null) return;
  const used = (await storageBytes(tx, orgId)).total;
  if (used + addBytes > limits.storageBytes) {
    const gib = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GiB`;
    throw PublicError.conflict(
      `${lift(limits.tier)} includes ${gib(limits.storageBytes)} of file storage; ${gib(used)} is used, and this file doesn't fit. Delete files or upgrade on the Billing page.`,
    );
  }
}
