import 'server-only';
import { randomBytes } from 'node:crypto';
import { addMembership } from '@/db/queries/members';
import { withTenant } from '@/db/tenant';
import type { Actor } from '@/db/queries/audit';
import { provisionAndAudit } from './provision';

/** `Acme Site Works` → `acme-site-works-3f9a` (a suffix: two companies may share a name). */
function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'company'}-${randomBytes(2).toString('hex')}`;
}

/**
 * Local identity mode's "Create organization": a fresh tenant provisioned
 * exactly as Clerk's `organization.created` webhook provisions one (defaults,
 * audit), with the creator as its owner, in one transaction as that tenant.
 * In Clerk mode Clerk creates the organization and the webhook does this.
 */
export async function createLocalOrganization(userId: string, name: string, ip: string | null = null) {
  const orgId = `org_local_${randomBytes(12).toString('hex')}`;
  const slug = slugFor(name);
  const actor: Actor = { orgId, userId, ip, userAgent: null };
  await withTenant({ orgId, userId }, async (tx) => {
    await provisionAndAudit(tx, actor, { id: orgId, name, slug });
    await addMembership(tx, actor, userId, 'owner');
  });
  return { orgId, slug };
}
