import 'server-only';
import { z } from 'zod';
import { listAudit } from '@/db/queries/audit';
import { getOrganization } from '@/db/queries/organizations';
import { listProjects } from '@/db/queries/projects';
import { activeGrantOf, createSupportGrant } from '@/db/queries/support';
import { recordAudit } from '@/db/queries/audit';
import { withTenant } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { supportActorId } from './staff';

export const MAX_GRANT_MINUTES = 30;

export const grantRequestSchema = z.strictObject({
  orgId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Enter an organization id (org_…).'),
  reason: z.string().trim().min(20, 'Write why you need access (at least 20 characters): it is shown to the customer.').max(500),
  minutes: z.coerce.number().int().min(5).max(MAX_GRANT_MINUTES, `A grant lasts at most ${MAX_GRANT_MINUTES} minutes.`),
});

/**
 * Break-glass (docs/support-access.md): a support staff member opens a
 * time-limited grant on one organization, for a written reason. Everything runs
 * through the tenant door as brave_app with that organization set — never a
 * BYPASSRLS connection — and the grant and every read are written to the
 * tenant's own audit log, where its owners see them.
 */
export async function openGrant(staff: string, input: z.output<typeof grantRequestSchema>, now = new Date()) {
  const actor = { orgId: input.orgId, userId: supportActorId(staff), ip: null, userAgent: 'support access' };
  return withTenant(actor, async (tx) => {
    // An org that does not exist is not visible in its own door either: 404, like any unknown id.
    if (!(await getOrganization(tx, input.orgId))) throw PublicError.notFound('No such organization.');
    return createSupportGrant(tx, actor, { staff, reason: input.reason, expiresAt: new Date(now.getTime() + input.minutes * 60_000) });
  });
}

/** What support sees of a tenant while a grant runs: read-only, each view audited. No grant, no data. */
export async function readTenantForSupport(staff: string, orgId: string, now = new Date()) {
  const actor = { orgId, userId: supportActorId(staff), ip: null, userAgent: 'support access' };
  return withTenant(actor, async (tx) => {
    const grant = await activeGrantOf(tx, orgId, staff, now);
    if (!grant) throw PublicError.forbidden('No running support grant for this organization: open one with a reason.');
    await recordAudit(tx, actor, { action: 'read', entityType: 'support_access_grant', entityId: grant.id, after: { viewed: 'projects, audit log' } });
    const [organization, projects, audit] = await Promise.all([
      getOrganization(tx, orgId),
      listProjects(tx, orgId, { limit: 50 }),
      listAudit(tx, orgId, { limit: 20 }),
    ]);
    return { grant, organization, projects, audit: audit.slice(0, 20) };
  });
}
