import 'server-only';
import { getOrganization } from '@/db/queries/organizations';
import { withTenant, type Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import type { TenantContext } from './tenant-context';

export type OrganizationStatus = 'active' | 'inactive' | 'unknown';

/** Our database decides whether an organization may be used, not the token alone. */
async function organizationStatusIn(tx: Tx, orgId: string): Promise<OrganizationStatus> {
  const org = await getOrganization(tx, orgId);
  if (!org) return 'unknown';
  return org.active ? 'active' : 'inactive';
}

export async function organizationStatus(ctx: Pick<TenantContext, 'orgId' | 'userId'>): Promise<OrganizationStatus> {
  return withTenant(ctx, (tx) => organizationStatusIn(tx, ctx.orgId));
}

export const INACTIVE_MESSAGE = 'This organization is not active. Choose another organization or contact its owner.';

/** Inside a tenant transaction: refuse an organization our database doesn't know or marks inactive. */
export async function assertActiveOrganization(tx: Tx, orgId: string): Promise<void> {
  if ((await organizationStatusIn(tx, orgId)) !== 'active') throw PublicError.forbidden(INACTIVE_MESSAGE);
}
