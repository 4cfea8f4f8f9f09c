/**
 * Site conditions (reduced-frequency periods, snowmelt discharges) and the
 * organization's business calendar, recorded through their actions as
 * brave_app: validated, audited, other tenants' ids are 404, and each write
 * recomputes the stored obligations in the door (project_obligations) — the
 * rows the dashboard, the calendar and the reminder sweep read.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { acme, auditRowsFor, bolt, inOrg, projectNamed, REQUEST_HEADERS, seedOrgs, type Org } from '@/app/(app)/projects/_test/support';
import { projectObligations, projects, siteConditions } from '@/db/schema';
import { actAs } from '@/tests/support/auth-mock';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { recordSitePeriodAction } = await import('./record-site-period');
const { recordSnowmeltAction } = await import('./record-snowmelt');
const { endSitePeriodAction } = await import('./end-site-period');
const { deleteSiteConditionAction } = await import('./delete-site-condition');
const { updateBusinessCalendarAction } = await import('@/app/(app)/settings/actions/update-business-calendar');
const { updateOrganizationProfileAction } = await import('@/app/(app)/settings/actions/update-organization-profile');

const owner = (org: Org = acme) => actAs({ userId: `user_${org === acme ? 'acme' : 'bolt'}_owner`, orgId: org.id, orgSlug: org.slug, role: 'owner' });
const crew = () => actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' });
const NOT_FOUND = { ok: false, formError: 'Not found.' };
const FORBIDDEN = { ok: false, formError: 'You do not have permission to do that.' };
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

const obligationsOf = (org: Org, projectId: string) =>
  inOrg(org, (tx) =>
    tx
      .select()
      .from(projectObligations)
      .where(and(eq(projectObligations.organizationId, org.id), eq(projectObligations.projectId, projectId)))
      .orderBy(projectObligations.dueAt),
  );
const openRoutine = async (org: Org, projectId: string) =>
  (await obligationsOf(org, projectId)).filter((o) => o.kind === 'routine_inspection' && !o.metAt);

let site: { id: string };
let other: { id: string };

beforeAll(async () => {
  await seedOrgs();
  site = (await projectNamed(acme, 'Riverside Apartments'))!;
  other = (await projectNamed(bolt, 'Riverside Apartments'))!;
  // A 14-day project (storm and snowmelt inspections apply, Part 4.2.2), not on sensitive waters.
  await inOrg(acme, (tx) =>
    tx.update(projects).set({ inspectionSchedule: 'every_14_days_and_storm', sensitiveWater: false }).where(and(eq(projects.organizationId, acme.id), eq(projects.id, site.id))),
  );
});
beforeEach(() => actAs(null));

describe('reduced-frequency periods (CGP 2022 Part 4.4)', () => {
  let periodId = '';

  it('an owner records a stabilized period; audited; the open routine inspection now follows Part 4.4.1', async () => {
    owner();
    const before = await openRoutine(acme, site.id);
    expect(before.map((o) => o.part)).not.toContain('CGP 2022 Part 4.4.1');
    const r = await recordSitePeriodAction(null, { projectId: site.id, kind: 'stabilized', startsOn: '2025-01-01', endsOn: '', note: 'Final stabilization' });
    expect(r.ok).toBe(true);
    periodId = r.ok ? r.data.id : '';
    expect(await auditRowsFor(acme, periodId)).toMatchObject([{ action: 'create', entityType: 'site_condition', actorUserId: 'user_acme_owner' }]);
    const after = await openRoutine(acme, site.id);
    expect(after.map((o) => o.part)).toEqual(['CGP 2022 Part 4.4.1']);
    // No storm inspections under Part 4.4.1.
    expect((await obligationsOf(acme, site.id)).some((o) => o.kind === 'storm_inspection' && o.part === 'CGP 2022 Part 4.4.1')).toBe(false);
  });

  it('ending the period (construction resumed) puts the project back on its own schedule; audited old → new', async () => {
    owner();
    expect((await endSitePeriodAction(null, { id: periodId, endsOn: '2025-02-01' })).ok).toBe(true);
    expect((await openRoutine(acme, site.id)).map((o) => o.part)).toEqual(['CGP 2022 Part 4.2.2']);
    const audit = (await auditRowsFor(acme, periodId)).find((a) => a.action === 'update');
    expect(audit?.before).toMatchObject({ endsOn: null });
    expect(audit?.after).toMatchObject({ endsOn: '2025-02-01' });
  });

  it('refuses an end before the start, a bad kind and a missing start — every error at once, nothing written', async () => {
    owner();
    const r = await recordSitePeriodAction(null, { projectId: site.id, kind: 'monsoon', startsOn: '', endsOn: '2025-01-01' });
    expect(r.ok).toBe(false);
    expect(Object.keys((!r.ok && r.fieldErrors) || {}).sort()).toEqual(['kind', 'startsOn']);
    const backwards = await recordSitePeriodAction(null, { projectId: site.id, kind: 'drought', startsOn: '2025-03-01', endsOn: '2025-02-01' });
    expect(!backwards.ok && backwards.fieldErrors?.endsOn).toHaveLength(1);
    expect(await endSitePeriodAction(null, { id: periodId, endsOn: '2024-12-31' })).toMatchObject({ ok: false, formError: 'End must be on or after the start.' });
  });

  it("another tenant's project or period is the same 404; a crew member may not change the schedule", async () => {
    owner(bolt);
    expect(await recordSitePeriodAction(null, { projectId: site.id, kind: 'drought', startsOn: '2025-03-01' })).toEqual(NOT_FOUND);
    expect(await endSitePeriodAction(null, { id: periodId, endsOn: '2025-03-01' })).toEqual(NOT_FOUND);
    expect(await deleteSiteConditionAction(null, { id: periodId })).toEqual(NOT_FOUND);
    crew();
    expect(await recordSitePeriodAction(null, { projectId: site.id, kind: 'drought', startsOn: '2025-03-01' })).toEqual(FORBIDDEN);
    const row = await inOrg(acme, (tx) => tx.select().from(siteConditions).where(eq(siteConditions.id, periodId)).then((x) => x[0]));
    expect(row?.endsOn).toBe('2025-02-01');
    void other;
  });

  it('removing a period recorded in error is audited (the row before) and recomputes', async () => {
    owner();
    // An open drought period since before the site's last inspections: monthly inspections (Part 4.4.2).
    const r = await recordSitePeriodAction(null, { projectId: site.id, kind: 'drought', startsOn: '2025-03-01' });
    expect(r.ok).toBe(true);
    const id = r.ok ? r.data.id : '';
    expect((await openRoutine(acme, site.id)).some((o) => o.part === 'CGP 2022 Part 4.4.2')).toBe(true);
    expect((await deleteSiteConditionAction(null, { id })).ok).toBe(true);
    expect((await openRoutine(acme, site.id)).some((o) => o.part === 'CGP 2022 Part 4.4.2')).toBe(false);
    expect((await auditRowsFor(acme, id)).map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('snowmelt discharges (Part 4.2.2)', () => {
  it('crew records a discharge from 4.0 in of snow: a snowmelt inspection due 24 h after it; 3.0 in makes none', async () => {
    crew();
    const at = hoursAgo(2);
    const light = await recordSnowmeltAction(null, { projectId: site.id, dischargeAt: hoursAgo(3).toISOString(), snowInches: '3.00' });
    expect(light.ok).toBe(true);
    // Control: below the 3.25 in threshold — recorded, audited, but no obligation.
    expect((await obligationsOf(acme, site.id)).filter((o) => o.kind === 'snowmelt_inspection')).toEqual([]);
    const heavy = await recordSnowmeltAction(null, { projectId: site.id, dischargeAt: at.toISOString(), snowInches: '4.0' });
    expect(heavy.ok).toBe(true);
    const melt = (await obligationsOf(acme, site.id)).filter((o) => o.kind === 'snowmelt_inspection');
    expect(melt).toHaveLength(1);
    expect(melt[0]).toMatchObject({ sourceId: heavy.ok ? heavy.data.id : '', dueAt: new Date(at.getTime() + 86_400_000), metAt: null });
    expect(melt[0]!.part).toMatch(/Part 4\.2\.2/);
    expect(await auditRowsFor(acme, heavy.ok ? heavy.data.id : '')).toMatchObject([{ action: 'create', entityType: 'site_condition', actorUserId: 'user_acme_crew' }]);
  });

  it('refuses a future discharge and a negative snowfall', async () => {
    crew();
    const r = await recordSnowmeltAction(null, { projectId: site.id, dischargeAt: new Date(Date.now() + 5 * 3_600_000).toISOString(), snowInches: '-1' });
    expect(Object.keys((!r.ok && r.fieldErrors) || {}).sort()).toEqual(['dischargeAt', 'snowInches']);
  });
});

describe('the business calendar (settings)', () => {
  it('saving it is audited old → new and recomputes every active project; saving the profile does not', async () => {
    owner();
    const stamp = async () => (await obligationsOf(acme, site.id)).map((o) => o.computedAt.getTime());
    const before = await stamp();
    expect((await updateOrganizationProfileAction(null, { name: 'Acme Site Works', operatorName: '', operatorAddress: '', operatorPhone: '', operatorEmail: '' })).ok).toBe(true);
    expect(await stamp()).toEqual(before);
    const r = await updateBusinessCalendarAction(null, { closedDays: '2026-12-24\n2026-12-24, 2026-07-03', closeOfBusiness: '16:30', observeUsFederalHolidays: 'on' });
    expect(r).toEqual({ ok: true, data: { saved: true } });
    expect(Math.min(...(await stamp()))).toBeGreaterThan(Math.max(...before));
    const audit = (await auditRowsFor(acme, acme.id)).filter((a) => a.entityType === 'compliance_settings').at(-1);
    expect(audit?.after).toEqual({ closedDays: ['2026-07-03', '2026-12-24'], observeUsFederalHolidays: true, closeOfBusinessMinutes: 990 });
  });

  it('refuses a date that is not one and a malformed time, and saves nothing', async () => {
    owner();
    const r = await updateBusinessCalendarAction(null, { closedDays: '2026-13-01', closeOfBusiness: '25:00' });
    expect(Object.keys((!r.ok && r.fieldErrors) || {}).sort()).toEqual(['closeOfBusiness', 'closedDays']);
    crew();
    expect((await updateBusinessCalendarAction(null, { closedDays: '', closeOfBusiness: '17:00' })).ok).toBe(false);
  });
});
