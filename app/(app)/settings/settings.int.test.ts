/**
 * /settings actions (audited old → new, permission-gated), local mode's
 * "Create organization" (the webhook's provisioning), and the usage counter.
 */
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_HEADERS } from '@/app/(app)/projects/_test/support';
import { auditLog, complianceSettings, formTemplates, memberships, organizations, projects } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { acme, as, inOrg, seedOrgs } from '@/app/(app)/members/_test/world';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { updateComplianceSettingsAction } = await import('./actions/update-compliance-settings');
const { updateOrganizationProfileAction } = await import('./actions/update-organization-profile');
const { createLocalOrganization } = await import('@/lib/tenancy/create-organization');
const { countRequest, flushUsage } = await import('@/lib/usage/request-counter');
const { usageSeries } = await import('@/db/queries/usage');

beforeAll(seedOrgs);

const rules = (rainThresholdInches: string) => ({
  rainThresholdInches,
  inspectionDeadlineHours: '24',
  retentionYears: '5',
  timezone: 'America/Chicago',
  businessHoursStart: '6',
  businessHoursEnd: '19',
  fixedRequiresPhoto: 'on',
  failedBmpRequiresPhoto: 'on',
});
const lastAudit = (entityType: string) =>
  inOrg(acme, (tx) =>
    tx.select().from(auditLog).where(and(eq(auditLog.organizationId, acme.id), eq(auditLog.entityType, entityType))).orderBy(desc(auditLog.createdAt)).limit(1).then((r) => r[0]),
  );

describe('settings', () => {
  it('an owner changes the rain threshold and zone; the audit row holds old → new', async () => {
    as.owner();
    expect(await updateComplianceSettingsAction(null, rules('0.50'))).toEqual({ ok: true, data: { saved: true } });
    const row = await inOrg(acme, (tx) => tx.select().from(complianceSettings).where(eq(complianceSettings.organizationId, acme.id)).then((r) => r[0]!));
    expect(row).toMatchObject({ rainThresholdInches: '0.50', retentionYears: 5, timezone: 'America/Chicago', businessHoursStart: 6, businessHoursEnd: 19, fixedRequiresPhoto: true, failedBmpRequiresPhoto: true });
    const audit = await lastAudit('compliance_settings');
    expect(audit).toMatchObject({ actorUserId: 'user_acme_owner', action: 'update' });
    expect(audit!.before).toMatchObject({ rainThresholdInches: '0.25' });
    expect(audit!.after).toMatchObject({ rainThresholdInches: '0.50', timezone: 'America/Chicago', failedBmpRequiresPhoto: true });
    expect(audit!.before).toMatchObject({ failedBmpRequiresPhoto: false });
  });

  it('every invalid field is reported at once and nothing is saved', async () => {
    as.owner();
    const r = await updateComplianceSettingsAction(null, { ...rules('99'), retentionYears: '1', timezone: 'Mars/Olympus', businessHoursEnd: '6' });
    expect(r.ok).toBe(false);
    expect(Object.keys((!r.ok && r.fieldErrors) || {}).sort()).toEqual(['rainThresholdInches', 'retentionYears', 'timezone'].sort());
    const row = await inOrg(acme, (tx) => tx.select().from(complianceSettings).where(eq(complianceSettings.organizationId, acme.id)).then((r) => r[0]!));
    expect(row.rainThresholdInches).toBe('0.50');
    const same = await updateComplianceSettingsAction(null, { ...rules('0.50'), businessHoursStart: '8', businessHoursEnd: '8' });
    expect(!same.ok && same.fieldErrors?.businessHoursEnd).toHaveLength(1);
  });

  it('a crew member or a superintendent may not change settings', async () => {
    for (const who of [as.crew, as.superintendent]) {
      who();
      expect(await updateComplianceSettingsAction(null, rules('0.10'))).toEqual({ ok: false, formError: 'You do not have permission to do that.' });
    }
  });

  it('the profile saves the operator of record, audited', async () => {
    as.owner();
    const r = await updateOrganizationProfileAction(null, { name: 'Acme Site Works', operatorName: 'Acme Site Works LLC', operatorAddress: '1 Main St, Austin, TX', operatorPhone: '+1 512 555 0100', operatorEmail: 'permits@acme.test' });
    expect(r.ok).toBe(true);
    expect((await lastAudit('organization'))!.after).toMatchObject({ operatorName: 'Acme Site Works LLC', operatorEmail: 'permits@acme.test' });
  });
});

describe('create organization (local mode)', () => {
  it('provisions a fresh tenant like the Clerk webhook, with the creator as owner and no projects', async () => {
    const userId = 'user_acme_crew';
    const { orgId } = await createLocalOrganization(userId, 'Nora’s Grading Co.');
    const facts = await withTenant({ orgId, userId }, async (tx) => ({
      org: await tx.select().from(organizations).where(eq(organizations.organizationId, orgId)).then((r) => r[0]),
      members: await tx.select().from(memberships).where(eq(memberships.organizationId, orgId)),
      templates: await tx.select().from(formTemplates).where(eq(formTemplates.organizationId, orgId)),
      projects: await tx.select().from(projects).where(eq(projects.organizationId, orgId)),
      audit: await tx.select().from(auditLog).where(eq(auditLog.organizationId, orgId)),
    }));
    expect(facts.org).toMatchObject({ name: 'Nora’s Grading Co.', plan: 'trial', active: true });
    expect(facts.org!.slug).toMatch(/^nora-s-grading-co-[0-9a-f]{4}$/);
    expect(facts.members.map((m) => [m.userId, m.role])).toEqual([[userId, 'owner']]);
    expect(facts.templates.length).toBeGreaterThan(0);
    expect(facts.projects).toEqual([]);
    expect(facts.audit.map((a) => a.action).sort()).toEqual(['create', 'provision']);
  });
});

describe('usage counter', () => {
  it('counts requests per user and day, API requests apart, adding across flushes', async () => {
    const at = new Date('2026-06-02T10:00:00Z');
    const owner = { orgId: acme.id, userId: 'user_acme_owner' };
    countRequest(owner, { api: false }, at);
    countRequest(owner, { api: true }, at);
    countRequest({ orgId: acme.id, userId: 'user_acme_crew' }, { api: true }, at);
    await flushUsage();
    countRequest(owner, { api: true }, at);
    await flushUsage();
    const rows = await inOrg(acme, (tx) => usageSeries(tx, acme.id, 'day', new Date('2026-06-01T00:00:00Z')));
    expect(rows.find((r) => r.bucket === '2026-06-02')).toMatchObject({ activeUsers: 2, apiRequests: 3 });
    const month = await inOrg(acme, (tx) => usageSeries(tx, acme.id, 'month', new Date('2026-06-01T00:00:00Z')));
    expect(month.find((r) => r.bucket === '2026-06')).toMatchObject({ activeUsers: 2, apiRequests: 3 });
  });
});
