/**
 * Security events and alerts end to end, against the real database as
 * brave_app: probes through real routes and actions, refusals, off-hours
 * access, the settings action, the /security loader and the shell's banner.
 * auth() is replaced by parsed claims (tests/support/auth-mock.ts).
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, complianceSettings, projects, securityEvents } from '@/db/schema';
import { seedOrganizations } from '@/db/seed-data';
import { withTenantOn, type Tx } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { permissionsOf, type Role } from '@/lib/rbac/permissions';
import { actAs } from '@/tests/support/auth-mock';
import { addMember } from '@/tests/support/factories';
import { testDatabase } from '@/tests/support/database';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9', 'user-agent': 'vitest' }),
}));

const { GET: getProjectRoute, PATCH: patchProjectRoute } = await import('@/app/api/v1/projects/[id]/route');
const { archiveProjectAction } = await import('@/app/(app)/projects/actions/archive-project');
const { createProjectAction } = await import('@/app/(app)/projects/actions/create-project');
const { updateSecuritySettingsAction } = await import('@/app/(app)/security/actions/update-security-settings');
const { markAlertsReviewedAction } = await import('@/app/(app)/security/actions/mark-alerts-reviewed');
const { loadSecurityPage } = await import('@/app/(app)/security/load-security-page');
const { openAlertSummary } = await import('./load-alerts');
const { resetOffHoursMemo } = await import('./off-hours');
const { recordBulkExport } = await import('./record-miss');

const [acme, bolt] = seedOrganizations;
type Org = typeof acme | typeof bolt;
let db: ReturnType<typeof testDatabase.app>;
let acmeProjectId: string;

const inOrg = <T>(org: Org, fn: (tx: Tx) => Promise<T>) => withTenantOn(db, { orgId: org.id, userId: 'test' }, fn);
const ctxOf = (org: Org, role: Role, userId: string): TenantContext => ({
  orgId: org.id,
  orgSlug: org.slug,
  userId,
  role,
  permissions: permissionsOf(role),
});
const as = (org: Org, role: Role, userId: string) => actAs({ userId, orgId: org.id, orgSlug: org.slug, role });

const eventsOf = (org: Org, kind: string, userId?: string) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(securityEvents)
      .where(
        and(
          eq(securityEvents.organizationId, org.id),
          eq(securityEvents.kind, kind),
          userId ? eq(securityEvents.userId, userId) : undefined,
        ),
      ),
  );
const auditCount = (org: Org) =>
  inOrg(org, (tx) =>
    tx
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.organizationId, org.id))
      .then((r) => r[0]!.n),
  );
const settingsOf = (org: Org) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(complianceSettings)
      .where(eq(complianceSettings.organizationId, org.id))
      .then((r) => r[0]!),
  );
const setSettings = (org: Org, values: Partial<typeof complianceSettings.$inferInsert>) =>
  inOrg(org, (tx) => tx.update(complianceSettings).set(values).where(eq(complianceSettings.organizationId, org.id)));

const settingsForm = (overrides: Record<string, string | undefined> = {}) => {
  const fd = new FormData();
  const values: Record<string, string | undefined> = {
    breachAttemptThreshold: '5',
    breachAttemptWindowMinutes: '10',
    accessDeniedThreshold: '10',
    accessDeniedWindowMinutes: '15',
    offHoursAlertsEnabled: 'on',
    ...overrides,
  };
  for (const [k, v] of Object.entries(values)) if (v !== undefined) fd.set(k, v);
  return fd;
};

/** One probe: bolt's user asks for acme's project through the real route handler. */
const probe = (userId: string) => {
  as(bolt, 'inspector', userId);
  return getProjectRoute(new Request(`http://localhost/api/v1/projects/${acmeProjectId}`), {
    params: Promise.resolve({ id: acmeProjectId }),
  });
};

beforeAll(async () => {
  db = testDatabase.app({ max: 3 });
  const { seed } = await import('@/lib/demo/seed');
  await seed(db);
  const [p] = await inOrg(acme, (tx) =>
    tx.select({ id: projects.id }).from(projects).where(eq(projects.organizationId, acme.id)).limit(1),
  );
  acmeProjectId = p!.id;
  // Writes check the membership row (lib/members/current-membership.ts): the test's own actors are members.
  await addMember(bolt.id, 'user_prober_action', 'superintendent');
  await addMember(acme.id, 'user_acme_admin', 'admin');
  // Whatever the wall clock says, business hours cover the whole day unless a test says otherwise.
  for (const org of [acme, bolt]) await setSettings(org, { businessHoursStart: 0, businessHoursEnd: 0 });
  resetOffHoursMemo();
});
beforeEach(() => actAs(null));

describe('TENANT_BREACH_ATTEMPT', () => {
  it('a foreign id through a real route is a 404 recorded in the prober’s org, never the victim’s', async () => {
    const acmeBefore = (await eventsOf(acme, 'TENANT_BREACH_ATTEMPT')).length;
    const res = await probe('user_prober_route');
    expect(res.status).toBe(404);
    const rows = await eventsOf(bolt, 'TENANT_BREACH_ATTEMPT', 'user_prober_route');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organizationId: bolt.id,
      ip: '203.0.113.9',
      severity: 'warning',
      details: { method: 'GET', path: `/api/v1/projects/${acmeProjectId}` },
    });
    expect((await eventsOf(acme, 'TENANT_BREACH_ATTEMPT')).length).toBe(acmeBefore);
  });

  it('a foreign id through a real action is recorded the same way', async () => {
    as(bolt, 'superintendent', 'user_prober_action');
    expect(await archiveProjectAction(null, { id: acmeProjectId })).toEqual({ ok: false, formError: 'Not found.' });
    expect(await eventsOf(bolt, 'TENANT_BREACH_ATTEMPT', 'user_prober_action')).toHaveLength(1);
    expect(await eventsOf(acme, 'TENANT_BREACH_ATTEMPT', 'user_prober_action')).toHaveLength(0);
  });

  it('N probes raise a critical alert for the prober’s owners only; raised threshold → none (negative control)', async () => {
    const owner = ctxOf(bolt, 'owner', 'user_bolt_owner');
    const acmeOwner = ctxOf(acme, 'owner', 'user_acme_owner');
    const before = await openAlertSummary(owner);
    for (let i = 0; i < 5; i++) expect((await probe('user_prober_burst')).status).toBe(404);

    // The prober's alert, plus one for the address: the earlier tests probed from it as other users.
    const after = await openAlertSummary(owner);
    expect(after!.critical).toBe(before!.critical + 2);
    const page = await loadSecurityPage(owner, {});
    expect(page.kind).toBe('ok');
    const alert = page.kind === 'ok' ? page.alerts.find((a) => a.subject.value === 'user_prober_burst') : undefined;
    expect(alert).toMatchObject({ rule: 'cross_tenant_probing', severity: 'critical', count: 5, open: true });
    // The victim's org sees nothing of it.
    const acmePage = await loadSecurityPage(acmeOwner, {});
    expect(acmePage.kind === 'ok' && acmePage.alerts.some((a) => a.subject.value === 'user_prober_burst')).toBe(false);
    expect(acmePage.kind === 'ok' && acmePage.events.some((e) => e.userId === 'user_prober_burst')).toBe(false);

    const ipAlert = page.kind === 'ok' ? page.alerts.find((a) => a.subject.type === 'ip') : undefined;
    expect(ipAlert).toMatchObject({ subject: { value: '203.0.113.9' }, count: 7 });

    // Negative control: above the probe count (5 by the user, 7 from the address), no alert.
    await setSettings(bolt, { breachAttemptThreshold: 8 });
    const raised = await loadSecurityPage(owner, {});
    expect(raised.kind === 'ok' && raised.alerts.some((a) => a.subject.value === 'user_prober_burst')).toBe(false);
    expect((await openAlertSummary(owner))!.critical).toBe(before!.critical);
    await setSettings(bolt, { breachAttemptThreshold: 5 });
  });

  it('the banner summary is only for owners/admins, and “mark reviewed” quiets it', async () => {
    expect(await openAlertSummary(ctxOf(bolt, 'crew', 'user_bolt_crew'))).toBeNull();
    for (let i = 0; i < 5; i++) await probe('user_prober_review');
    const owner = ctxOf(bolt, 'owner', 'user_bolt_owner');
    expect((await openAlertSummary(owner))!.critical).toBeGreaterThan(0);
    as(bolt, 'owner', 'user_bolt_owner');
    const auditBefore = await auditCount(bolt);
    const result = await markAlertsReviewedAction(null, { through: new Date().toISOString() });
    expect(result.ok).toBe(true);
    expect(await auditCount(bolt)).toBe(auditBefore + 1);
    expect(await openAlertSummary(owner)).toEqual({ critical: 0, warning: 0 });
    // A crew member can't acknowledge.
    as(bolt, 'crew', 'user_bolt_crew');
    expect(await markAlertsReviewedAction(null, { through: new Date().toISOString() })).toEqual({
      ok: false,
      formError: 'You do not have permission to do that.',
    });
  });
});

describe('ACCESS_DENIED', () => {
  it('a missing permission on an action and on a route is recorded with the permission', async () => {
    as(acme, 'viewer', 'user_denied');
    const result = await createProjectAction(null, { name: 'x' });
    expect(result).toEqual({ ok: false, formError: 'You do not have permission to do that.' });
    const res = await patchProjectRoute(
      new Request(`http://localhost/api/v1/projects/${acmeProjectId}`, { method: 'PATCH', body: '{}' }),
      {
        params: Promise.resolve({ id: acmeProjectId }),
      },
    );
    expect(res.status).toBe(403);
    const rows = await eventsOf(acme, 'ACCESS_DENIED', 'user_denied');
    expect(rows.map((r) => r.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ permission: 'org:projects:write' }),
        expect.objectContaining({ permission: 'org:projects:write', method: 'PATCH' }),
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(await eventsOf(bolt, 'ACCESS_DENIED', 'user_denied')).toHaveLength(0);
  });

  it('N refusals raise a warning', async () => {
    await setSettings(acme, { accessDeniedThreshold: 3 });
    as(acme, 'crew', 'user_denied_burst');
    for (let i = 0; i < 3; i++) await createProjectAction(null, { name: 'x' });
    const page = await loadSecurityPage(ctxOf(acme, 'admin', 'user_acme_admin'), {});
    expect(page.kind === 'ok' && page.alerts.find((a) => a.subject.value === 'user_denied_burst')).toMatchObject({
      rule: 'repeated_access_denied',
      severity: 'warning',
      count: 3,
    });
    await setSettings(acme, { accessDeniedThreshold: 10 });
  });

  it('/security refuses members without org:audit:read (and records the refusal)', async () => {
    const page = await loadSecurityPage(ctxOf(acme, 'superintendent', 'user_page_denied'), {});
    expect(page).toEqual({ kind: 'forbidden' });
    expect(await eventsOf(acme, 'ACCESS_DENIED', 'user_page_denied')).toHaveLength(1);
  });
});

describe('OFF_HOURS_ACCESS', () => {
  it('recorded once per user per day, on any number of requests (and servers)', async () => {
    // Business hours that exclude the current hour in UTC: [h+1, h+2).
    const h = new Date().getUTCHours();
    await setSettings(bolt, { timezone: 'UTC', businessHoursStart: (h + 1) % 24, businessHoursEnd: (h + 2) % 24 });
    resetOffHoursMemo();
    for (let i = 0; i < 3; i++) await probe('user_night_owl');
    resetOffHoursMemo(); // a second server: no memo, the database dedupes
    await probe('user_night_owl');
    const rows = await eventsOf(bolt, 'OFF_HOURS_ACCESS', 'user_night_owl');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ day: new Date().toISOString().slice(0, 10) });
    const page = await loadSecurityPage(ctxOf(bolt, 'owner', 'user_bolt_owner'), {});
    expect(page.kind === 'ok' && page.alerts.find((a) => a.subject.value === 'user_night_owl')).toMatchObject({
      rule: 'off_hours_access',
      severity: 'warning',
    });

    // Turned off: no more rows for a new user.
    await setSettings(bolt, { offHoursAlertsEnabled: false });
    resetOffHoursMemo();
    await probe('user_night_owl_2');
    expect(await eventsOf(bolt, 'OFF_HOURS_ACCESS', 'user_night_owl_2')).toHaveLength(0);
    await setSettings(bolt, { businessHoursStart: 0, businessHoursEnd: 0, offHoursAlertsEnabled: true });
    resetOffHoursMemo();
  });
});

describe('BULK_EXPORT emitter', () => {
  it('records an info event and an info alert', async () => {
    await recordBulkExport(ctxOf(acme, 'admin', 'user_exporter'), {
      what: 'inspections',
      format: 'csv',
      rowCount: 1200,
    });
    const rows = await eventsOf(acme, 'BULK_EXPORT', 'user_exporter');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toEqual({ what: 'inspections', format: 'csv', rowCount: 1200 });
    const page = await loadSecurityPage(ctxOf(acme, 'owner', 'user_acme_owner'), { kind: 'BULK_EXPORT' });
    expect(page.kind === 'ok' && page.alerts.find((a) => a.rule === 'bulk_export')).toMatchObject({
      severity: 'info',
      open: false,
    });
    expect(page.kind === 'ok' && page.events.map((e) => e.kind)).toEqual(['BULK_EXPORT']);
  });
});

describe('updateSecuritySettingsAction', () => {
  it('saves every field with an audit row in the same transaction', async () => {
    as(acme, 'admin', 'user_acme_admin');
    const before = await auditCount(acme);
    const result = await updateSecuritySettingsAction(
      null,
      settingsForm({ breachAttemptThreshold: '7', offHoursAlertsEnabled: undefined }),
    );
    expect(result).toEqual({ ok: true, data: { saved: true } });
    expect(await settingsOf(acme)).toMatchObject({
      // Zone and business hours are /settings' (app/(app)/settings): this form leaves them alone.
      businessHoursStart: 0,
      businessHoursEnd: 0,
      breachAttemptThreshold: 7,
      offHoursAlertsEnabled: false,
    });
    expect(await auditCount(acme)).toBe(before + 1);
    const [row] = await inOrg(acme, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.organizationId, acme.id),
            eq(auditLog.entityType, 'security_settings'),
            eq(auditLog.action, 'update'),
          ),
        ),
    );
    expect(row).toMatchObject({ actorUserId: 'user_acme_admin', entityId: acme.id, ip: '203.0.113.9' });
    expect(row!.after).toMatchObject({ breachAttemptThreshold: 7, offHoursAlertsEnabled: false });
    expect(row!.after).not.toHaveProperty('timezone');
    await setSettings(acme, {
      businessHoursStart: 0,
      businessHoursEnd: 0,
      offHoursAlertsEnabled: true,
      breachAttemptThreshold: 5,
    });
    resetOffHoursMemo();
  });

  it('returns every field error at once and writes nothing', async () => {
    as(acme, 'owner', 'user_acme_owner');
    const settings = await settingsOf(acme);
    const before = await auditCount(acme);
    const result = await updateSecuritySettingsAction(
      null,
      settingsForm({
        breachAttemptThreshold: '0',
        breachAttemptWindowMinutes: '2000',
        accessDeniedThreshold: 'ten',
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
      [
        'accessDeniedThreshold',
        'breachAttemptThreshold',
        'breachAttemptWindowMinutes',
      ].sort(),
    );
    expect(await settingsOf(acme)).toEqual(settings);
    expect(await auditCount(acme)).toBe(before);
  });

  it('without org:settings:manage: refused, nothing written, refusal recorded', async () => {
    as(acme, 'inspector', 'user_acme_inspector_s');
    const settings = await settingsOf(acme);
    const before = await auditCount(acme);
    expect(await updateSecuritySettingsAction(null, settingsForm({ breachAttemptThreshold: '999' }))).toEqual({
      ok: false,
      formError: 'You do not have permission to do that.',
    });
    expect(await settingsOf(acme)).toEqual(settings);
    expect(await auditCount(acme)).toBe(before);
    expect(await eventsOf(acme, 'ACCESS_DENIED', 'user_acme_inspector_s')).toHaveLength(1);
  });

  it('changes only the caller’s org', async () => {
    const boltBefore = await settingsOf(bolt);
    as(acme, 'owner', 'user_acme_owner');
    expect((await updateSecuritySettingsAction(null, settingsForm({ accessDeniedThreshold: '42' }))).ok).toBe(true);
    expect((await settingsOf(acme)).accessDeniedThreshold).toBe(42);
    expect(await settingsOf(bolt)).toEqual(boltBefore);
    await setSettings(acme, { businessHoursStart: 0, businessHoursEnd: 0, accessDeniedThreshold: 10 });
    resetOffHoursMemo();
  });
});

describe('/security data is org-scoped', () => {
  it('each org’s owners see only their own events and members', async () => {
    await recordBulkExport(ctxOf(bolt, 'owner', 'user_bolt_exporter'), {
      what: 'violations',
      format: 'zip',
      rowCount: 10,
    });
    const acmePage = await loadSecurityPage(ctxOf(acme, 'owner', 'user_acme_owner'), { days: '90' });
    const boltPage = await loadSecurityPage(ctxOf(bolt, 'owner', 'user_bolt_owner'), { days: '90' });
    if (acmePage.kind !== 'ok' || boltPage.kind !== 'ok') throw new Error('expected pages');
    expect(acmePage.events.length).toBeGreaterThan(0);
    expect(boltPage.events.length).toBeGreaterThan(0);
    const acmeIds = new Set(acmePage.events.map((e) => e.id));
    expect(boltPage.events.some((e) => acmeIds.has(e.id))).toBe(false);
    expect(acmePage.events.some((e) => e.userId === 'user_bolt_exporter')).toBe(false);
    expect(boltPage.events.some((e) => e.userId === 'user_bolt_exporter')).toBe(true);
    const acmeMembers = new Set(acmePage.members.map((m) => m.userId));
    expect(boltPage.members.some((m) => acmeMembers.has(m.userId) && m.userId.includes('acme'))).toBe(false);
  });

  it('invalid filters show errors and no events, never a wider list', async () => {
    const page = await loadSecurityPage(ctxOf(acme, 'owner', 'user_acme_owner'), {
      kind: 'DROP TABLE',
      days: '3',
      user: "x' or 1=1",
    });
    if (page.kind !== 'ok') throw new Error('expected page');
    expect(Object.keys(page.fieldErrors).sort()).toEqual(['days', 'kind', 'user']);
    expect(page.events).toEqual([]);
  });
});
