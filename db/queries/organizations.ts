import 'server-only';
import { eq } from 'drizzle-orm';
import { organizations } from '../schema';
import type { Tx } from '../tenant';

/** The current tenant's own row (RLS also admits orgs the user belongs to; we ask for ours). */
export async function getOrganization(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.organizationId, orgId)).limit(1);
  return row;
}

const profileColumns = {
  name: organizations.name,
  operatorName: organizations.operatorName,
  operatorAddress: organizations.operatorAddress,
  operatorPhone: organizations.operatorPhone,
  operatorEmail: organizations.operatorEmail,
};

export type OrganizationProfile = { name: string; operatorName: string | null; operatorAddress: string | null; operatorPhone: string | null; operatorEmail: string | null };

/** Update the tenant's profile; the row before and after (for the audit diff), locked against a concurrent save. */
export async function updateOrganizationProfile(tx: Tx, orgId: string, patch: OrganizationProfile) {
  const [before] = await tx.select(profileColumns).from(organizations).where(eq(organizations.organizationId, orgId)).for('update');
  if (!before) return undefined;
  const [after] = await tx
    .update(organizations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(organizations.organizationId, orgId))
    .returning(profileColumns);
  return { before, after: after! };
}

const logoColumns = {
  logoKey: organizations.logoKey,
  logoContentType: organizations.logoContentType,
  logoSizeBytes: organizations.logoSizeBytes,
};

export type OrganizationLogo = { logoKey: string; logoContentType: string; logoSizeBytes: number };

/** Set (or, with null, clear) the tenant's logo; the row before and after, locked against a concurrent change. */
export async function setOrganizationLogo(tx: Tx, orgId: string, logo: OrganizationLogo | null) {
  const [before] = await tx.select(logoColumns).from(organizations).where(eq(organizations.organizationId, orgId)).for('update');
  if (!before) return undefined;
  const [after] = await tx
    .update(organizations)
    .set({ ...(logo ?? { logoKey: null, logoContentType: null, logoSizeBytes: null }), updatedAt: new Date() })
    .where(eq(organizations.organizationId, orgId))
    .returning(logoColumns);
  return { before, after: after! };
}
