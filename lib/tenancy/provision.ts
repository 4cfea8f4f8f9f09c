import 'server-only';
import { bmpCategories, complianceSettings, formTemplates, organizations, violationTypes } from '@/db/schema';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { getOrganization } from '@/db/queries/organizations';
import { withTenant, type Tx } from '@/db/tenant';
import { scheduleTenantJobs } from '@/lib/jobs/tenant-schedule';
import { tenantDefaults, type TenantDefaults } from './defaults';

export interface NewTenant {
  orgId: string;
  name: string;
  slug: string;
}

/** app.current_user for work done by the system rather than a person (webhooks, seed). */
export const SYSTEM_USER = 'system_provisioning';

/**
 * A tenant's row and its defaults: compliance settings, BMP categories,
 * violation types, the EPA/OSHA form templates, trial plan with 10 users.
 * Idempotent (every insert is ON CONFLICT DO NOTHING on the tenant-leading
 * unique keys), so a retried webhook or a re-run seed changes nothing.
 * Runs inside the caller's tenant transaction: a failure rolls back all of it.
 */
export async function provisionTenantIn(tx: Tx, tenant: NewTenant, defaults: TenantDefaults = tenantDefaults) {
  const organizationId = tenant.orgId;
  const inserted = await tx
    .insert(organizations)
    .values({ organizationId, name: tenant.name, slug: tenant.slug, ...defaults.organization })
    .onConflictDoNothing()
    .returning({ id: organizations.organizationId });
  await tx
    .insert(complianceSettings)
    .values({ organizationId, ...defaults.complianceSettings })
    .onConflictDoNothing();
  await tx
    .insert(bmpCategories)
    .values(defaults.bmpCategories.map((c) => ({ organizationId, ...c })))
    .onConflictDoNothing();
  await tx
    .insert(violationTypes)
    .values(defaults.violationTypes.map((v) => ({ organizationId, ...v })))
    .onConflictDoNothing();
  await tx
    .insert(formTemplates)
    .values(defaults.formTemplates.map((t) => ({ organizationId, ...t })))
    .onConflictDoNothing();
  // The tenant's daily weather ingestion and hourly reminder sweep (a no-op when already queued).
  await scheduleTenantJobs(tx, organizationId, new Date());
  return { created: inserted.length > 0 };
}

/** Provision in its own transaction, as the tenant (RLS applies). */
export async function provisionTenant(tenant: NewTenant, actorUserId: string = SYSTEM_USER) {
  return withTenant({ orgId: tenant.orgId, userId: actorUserId }, (tx) => provisionTenantIn(tx, tenant));
}

/** What a provisioned tenant starts with, in words, for its first audit entry. */
const PROVISIONED = {
  complianceSettings: 'defaults',
  bmpCategories: tenantDefaults.bmpCategories.length,
  violationTypes: tenantDefaults.violationTypes.length,
  formTemplates: tenantDefaults.formTemplates.length,
};

/**
 * Provision (idempotent) and audit it when it created the tenant. The one
 * path for both the Clerk webhook (`organization.created`) and local mode's
 * "Create organization" (lib/tenancy/create-organization.ts).
 */
export async function provisionAndAudit(tx: Tx, actor: Actor, org: { id: string; name: string; slug: string }) {
  const { created } = await provisionTenantIn(tx, { orgId: org.id, name: org.name, slug: org.slug });
  if (!created) return { created };
  const row = await getOrganization(tx, org.id);
  await recordAudit(tx, actor, {
    action: 'provision',
    entityType: 'organization',
    entityId: org.id,
    after: { name: row?.name, slug: row?.slug, plan: row?.plan, userLimit: row?.userLimit, ...PROVISIONED },
  });
  return { created };
}
