/**
 * Test data, inserted the way the app inserts it: as brave_app through the
 * door (withTenant), so RLS checks every row. Each factory makes the smallest
 * valid row and respects the composite (organization_id, x_id) foreign keys.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as s from '@/db/schema';
import { withTenant, type Tx } from '@/db/tenant';
import { TENANT_TABLES, type TenantTable } from './tenants';

/** Anything that can run an insert: a transaction from the door, or a bare pool (to prove it is refused). */
export type Runner = Pick<Tx, 'insert'>;

/** The key of one row of each tenant table (its `id`, or `organization_id` for one-per-org tables). */
export type TenantKeys = Record<TenantTable, string>;

export interface TenantGraph {
  orgId: string;
  /** A member (role owner) of the org, also present in `users`. */
  userId: string;
  keys: TenantKeys;
}

/** Unique, readable ids: `org_<label>_<hex>` so parallel files never collide. */
export function uniqueId(prefix: string, label = ''): string {
  return `${prefix}_${label ? `${label}_` : ''}${randomBytes(4).toString('hex')}`;
}

const suffix = () => randomBytes(3).toString('hex');

function need(parents: Partial<TenantKeys>, table: TenantTable): string {
  const id = parents[table];
  if (!id) throw new Error(`factory needs a ${table} row first`);
  return id;
}

/**
 * One minimal row of `table` in `orgId`, pointing at `parents` (rows of the
 * same org). Returns its key. Tables keyed by organization_id allow one row per org.
 */
export const rowFactories: Record<
  TenantTable,
  (db: Runner, orgId: string, parents: Partial<TenantKeys>) => Promise<string>
> = {
  async organizations(db, orgId) {
    await db.insert(s.organizations).values({ organizationId: orgId, name: `Org ${orgId}`, slug: orgId.toLowerCase() });
    return orgId;
  },
  async memberships(db, orgId) {
    const [row] = await db
      .insert(s.memberships)
      .values({ organizationId: orgId, userId: uniqueId('user', 'member'), role: 'viewer' })
      .returning({ id: s.memberships.id });
    return row!.id;
  },
  async compliance_settings(db, orgId) {
    await db.insert(s.complianceSettings).values({ organizationId: orgId });
    return orgId;
  },
  async bmp_categories(db, orgId) {
    const [row] = await db
      .insert(s.bmpCategories)
      .values({ organizationId: orgId, key: `silt_fence_${suffix()}`, name: 'Silt fence' })
      .returning({ id: s.bmpCategories.id });
    return row!.id;
  },
  async violation_types(db, orgId) {
    const [row] = await db
      .insert(s.violationTypes)
      .values({ organizationId: orgId, key: `sediment_${suffix()}`, name: 'Sediment discharge' })
      .returning({ id: s.violationTypes.id });
    return row!.id;
  },
  async form_templates(db, orgId) {
    const [row] = await db
      .insert(s.formTemplates)
      .values({
        organizationId: orgId,
        key: `swppp_${suffix()}`,
        name: 'SWPPP inspection',
        kind: 'epa',
        schema: { type: 'object' },
      })
      .returning({ id: s.formTemplates.id });
    return row!.id;
  },
  async projects(db, orgId) {
    const [row] = await db
      .insert(s.projects)
      .values({ organizationId: orgId, name: `Site ${suffix()}`, createdBy: 'factory' })
      .returning({ id: s.projects.id });
    return row!.id;
  },
  async project_search_trigrams(db, orgId, p) {
    // The trigger wrote the project's own rows; this one stands for them (no project name has '#').
    const [row] = await db
      .insert(s.projectSearchTrigrams)
      .values({ organizationId: orgId, projectId: need(p, 'projects'), trigram: '#f#' })
      .returning({ id: s.projectSearchTrigrams.id });
    return row!.id;
  },
  async rain_events(db, orgId, p) {
    const [row] = await db
      .insert(s.rainEvents)
      .values({
        organizationId: orgId,
        projectId: need(p, 'projects'),
        amountInches: '0.50',
        startedAt: new Date(),
        recordedBy: 'factory',
      })
      .returning({ id: s.rainEvents.id });
    return row!.id;
  },
  async project_obligations(db, orgId, p) {
    const [row] = await db
      .insert(s.projectObligations)
      .values({
        organizationId: orgId,
        projectId: need(p, 'projects'),
        kind: 'routine_inspection',
        part: 'CGP 2022 Part 4.2.1',
        reason: 'factory',
        opensAt: new Date(),
        dueAt: new Date(Date.now() + 7 * 86_400_000),
      })
      .returning({ id: s.projectObligations.id });
    return row!.id;
  },
  async incidents(db, orgId, p) {
    const [row] = await db
      .insert(s.incidents)
      .values({
        organizationId: orgId,
        projectId: need(p, 'projects'),
        caseType: 'injury',
        outcome: 'other_recordable',
        occurredAt: new Date(Date.now() - 3_600_000),
        learnedAt: new Date(),
        description: 'factory',
        recordedBy: 'factory',
      })
      .returning({ id: s.incidents.id });
    return row!.id;
  },
  // A failed export: no object to download, and no queued/running one to block a test's own start.
  async data_exports(db, orgId) {
    const [row] = await db
      .insert(s.dataExports)
      .values({ organizationId: orgId, status: 'failed', requestedBy: 'factory', error: 'factory' })
      .returning({ id: s.dataExports.id });
    return row!.id;
  },
  // A period long over (January 2026): it changes no deadline of the factory project, created now.
  async site_conditions(db, orgId, p) {
    const [row] = await db
      .insert(s.siteConditions)
      .values({ organizationId: orgId, projectId: need(p, 'projects'), kind: 'stabilized', startsOn: '2026-01-05', endsOn: '2026-01-31', note: 'factory', recordedBy: 'factory' })
      .returning({ id: s.siteConditions.id });
    return row!.id;
  },
  async inspector_links(db, orgId, p) {
    const [row] = await db
      .insert(s.inspectorLinks)
      .values({
        organizationId: orgId,
        projectId: need(p, 'projects'),
        tokenHash: randomBytes(32).toString('hex'),
        label: 'Gate',
        createdBy: 'factory',
      })
      .returning({ id: s.inspectorLinks.id });
    return row!.id;
  },
  async inspector_link_views(db, orgId, p) {
    const [row] = await db
      .insert(s.inspectorLinkViews)
      .values({ organizationId: orgId, linkId: need(p, 'inspector_links'), ipHash: 'f'.repeat(64), userAgent: 'factory' })
      .returning({ id: s.inspectorLinkViews.id });
    return row!.id;
  },
  async notifications(db, orgId, p) {
    const [row] = await db
      .insert(s.notifications)
      .values({ organizationId: orgId, userId: uniqueId('user', 'notified'), category: 'inspections', stage: 'due_soon', dedupKey: `factory:${suffix()}`, projectId: need(p, 'projects'), title: 'Due', body: 'Due soon' })
      .returning({ id: s.notifications.id });
    return row!.id;
  },
  async reminder_preferences(db, orgId) {
    const [row] = await db
      .insert(s.reminderPreferences)
      .values({ organizationId: orgId, userId: uniqueId('user', 'prefs'), email: false })
      .returning({ id: s.reminderPreferences.id });
    return row!.id;
  },
  async inspections(db, orgId, p) {
    const [row] = await db
      .insert(s.inspections)
      .values({ organizationId: orgId, projectId: need(p, 'projects'), findings: 'ok', createdBy: 'factory' })
      .returning({ id: s.inspections.id });
    return row!.id;
  },
  async form_submissions(db, orgId, p) {
    const [row] = await db
      .insert(s.formSubmissions)
      .values({
        organizationId: orgId,
        templateId: need(p, 'form_templates'),
        projectId: need(p, 'projects'),
        inspectionId: need(p, 'inspections'),
        submittedBy: 'factory',
      })
      .returning({ id: s.formSubmissions.id });
    return row!.id;
  },
  async violations(db, orgId, p) {
    const [row] = await db
      .insert(s.violations)
      .values({
        organizationId: orgId,
        projectId: need(p, 'projects'),
        inspectionId: need(p, 'inspections'),
        violationTypeId: need(p, 'violation_types'),
        bmpCategoryId: need(p, 'bmp_categories'),
        description: 'Silt fence down',
        deadline: new Date(Date.now() + 7 * 86_400_000),
        foundBy: 'factory',
      })
      .returning({ id: s.violations.id });
    return row!.id;
  },
  async corrective_actions(db, orgId, p) {
    const [row] = await db
      .insert(s.correctiveActions)
      .values({
        organizationId: orgId,
        violationId: need(p, 'violations'),
        description: 'Re-trench fence',
        dueAt: new Date(),
        createdBy: 'factory',
      })
      .returning({ id: s.correctiveActions.id });
    return row!.id;
  },
  async documents(db, orgId, p) {
    const id = randomUUID();
    const [row] = await db
      .insert(s.documents)
      .values({
        organizationId: orgId,
        id,
        projectId: need(p, 'projects'),
        storageKey: `tenants/${orgId}/documents/${id}/swppp.pdf`,
        fileName: 'swppp.pdf',
        contentType: 'application/pdf',
        uploadedBy: 'factory',
        title: 'SWPPP',
      })
      .returning({ id: s.documents.id });
    return row!.id;
  },
  async photos(db, orgId, p) {
    const id = randomUUID();
    const [row] = await db
      .insert(s.photos)
      .values({
        organizationId: orgId,
        id,
        projectId: need(p, 'projects'),
        inspectionId: need(p, 'inspections'),
        storageKey: `tenants/${orgId}/photos/${id}/gate.jpg`,
        fileName: 'gate.jpg',
        contentType: 'image/jpeg',
        uploadedBy: 'factory',
        caption: 'Gate',
      })
      .returning({ id: s.photos.id });
    return row!.id;
  },
  async audit_log(db, orgId) {
    const [row] = await db
      .insert(s.auditLog)
      .values({
        organizationId: orgId,
        actorUserId: 'factory',
        action: 'create',
        entityType: 'project',
        entityId: randomUUID(),
      })
      .returning({ id: s.auditLog.id });
    return row!.id;
  },
  async security_events(db, orgId) {
    const [row] = await db
      .insert(s.securityEvents)
      .values({ organizationId: orgId, kind: 'TEST_EVENT' })
      .returning({ id: s.securityEvents.id });
    return row!.id;
  },
  async support_access_grants(db, orgId) {
    const [row] = await db
      .insert(s.supportAccessGrants)
      .values({ organizationId: orgId, staff: 'factory', reason: 'Factory grant for the isolation suites.', expiresAt: new Date(Date.now() + 600_000) })
      .returning({ id: s.supportAccessGrants.id });
    return row!.id;
  },
  async invitations(db, orgId) {
    const [row] = await db
      .insert(s.invitations)
      .values({
        organizationId: orgId,
        email: `invitee-${suffix()}@example.test`,
        emailNormalized: `invitee-${suffix()}@example.test`,
        role: 'crew',
        tokenHash: randomBytes(32).toString('hex'),
        invitedBy: 'factory',
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      })
      .returning({ id: s.invitations.id });
    return row!.id;
  },
  async usage_daily(db, orgId) {
    const [row] = await db
      .insert(s.usageDaily)
      .values({ organizationId: orgId, day: '2026-01-01', userId: uniqueId('user', 'usage'), requests: 3, apiRequests: 1 })
      .returning({ id: s.usageDaily.id });
    return row!.id;
  },
  async legal_holds(db, orgId, p) {
    // A released hold: the world's tenants keep their rows purgeable by rule, not frozen by a hold.
    const [row] = await db
      .insert(s.legalHolds)
      .values({ organizationId: orgId, projectId: p.projects!, reason: 'Factory hold', placedBy: 'factory', releasedAt: new Date(), releasedBy: 'factory' })
      .returning({ id: s.legalHolds.id });
    return row!.id;
  },
  async purge_reports(db, orgId) {
    const [row] = await db
      .insert(s.purgeReports)
      .values({ organizationId: orgId, dryRun: true, counts: {}, removed: { projects: [], incidents: [], objects: 0, kept: [] }, ranBy: 'factory' })
      .returning({ id: s.purgeReports.id });
    return row!.id;
  },
};

/** A user row, inserted as that user (the users policy only lets a user insert themself). */
export async function createUser(userId: string, scopeOrgId = 'org_signup'): Promise<string> {
  await withTenant({ orgId: scopeOrgId, userId }, (tx) =>
    tx
      .insert(s.users)
      .values({ id: userId, email: `${userId}@example.test`, emailNormalized: `${userId}@example.test` }),
  );
  return userId;
}

/** An organization with no other rows. */
export async function createOrganization(orgId: string, userId = 'user_factory'): Promise<string> {
  return withTenant({ orgId, userId }, (tx) => rowFactories.organizations(tx, orgId, {}));
}

export async function addMember(
  orgId: string,
  userId: string,
  role: (typeof s.orgRoleEnum.enumValues)[number] = 'inspector',
) {
  await withTenant({ orgId, userId }, (tx) => tx.insert(s.memberships).values({ organizationId: orgId, userId, role }));
}

/**
 * A tenant with one row in every tenant table, all created in one door
 * transaction, plus an owner user who is a member.
 */
export async function seedTenant(label: string): Promise<TenantGraph> {
  const orgId = uniqueId('org', label);
  const userId = uniqueId('user', label);
  await createUser(userId, orgId);
  const keys = await withTenant({ orgId, userId }, async (tx) => {
    const k: Partial<TenantKeys> = {};
    // TENANT_TABLES is in dependency order, so parents exist first.
    for (const table of TENANT_TABLES) {
      k[table] = await rowFactories[table](tx, orgId, k);
    }
    await tx.insert(s.memberships).values({ organizationId: orgId, userId, role: 'owner' });
    return k as TenantKeys;
  });
  return { orgId, userId, keys };
}

/** An org with `count` projects; returns the project ids. */
export async function seedProjects(orgId: string, count: number, userId = 'user_factory'): Promise<string[]> {
  return withTenant({ orgId, userId }, async (tx) => {
    await rowFactories.organizations(tx, orgId, {});
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await rowFactories.projects(tx, orgId, {}));
    return ids;
  });
}
