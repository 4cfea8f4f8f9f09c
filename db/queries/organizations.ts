import 'server-only';
import { eq } from 'drizzle-orm';
import { organizations } from '../schema';
import type { Tx } from '../tenant';

/** The current tenant's own row (RLS also admits orgs the user belongs to; we ask for ours). */
export async function getOrganization(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.organizationId, orgId)).limit(1);
  return row;
}
