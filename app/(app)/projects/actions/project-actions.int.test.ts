/**
 * createProjectAction, updateProjectAction, archiveProjectAction against the
 * real database as brave_app, with auth() replaced by parsed claims.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { actAs } from '@/tests/support/auth-mock';
import { revalidated } from '@/tests/support/next-cache-mock';
import {
  acme,
  auditCount,
  auditRowsFor,
  bolt,
  form,
  projectCount,
  projectNamed,
  projectRow,
  REQUEST_HEADERS,
  seedOrgs,
} from '../_test/support';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { createProjectAction } = await import('./create-project');
const { updateProjectAction } = await import('./update-project');
const { archiveProjectAction } = await import('./archive-project');

const owner = () => actAs({ userId: 'user_acme_owner', orgId: acme.id, orgSlug: 'acme', role: 'owner' });
const superintendent = () =>
  actAs({ userId: 'user_acme_super', orgId: acme.id, orgSlug: 'acme', role: 'superintendent' });
const crew = () => actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' });
const viewer = () => actAs({ userId: 'user_bolt_viewer', orgId: bolt.id, orgSlug: 'bolt', role: 'viewer' });

const FORBIDDEN = { ok: false, formError: 'You do not have permission to do that.' };
const NOT_FOUND = { ok: false, formError: 'Not found.' };

const validForm = (overrides: Record<string, string> = {}) =>
  form({
    name: '  Lakeside Townhomes  ',
    address: '9 Shore Dr, Austin, TX',
    npdesPermitId: 'txr15lk01',
    permitStart: '2026-04-01',
    permitEnd: '2027-04-01',
    disturbedAcres: '12.5',
    receivingWater: 'Lady Bird Lake',
    sensitiveWater: 'on',
    inspectionSchedule: 'every_14_days_and_storm',
    ...overrides,
  });

beforeAll(seedOrgs);
beforeEach(() => {
  actAs(null);
  revalidated.length = 0;
});

describe('createProjectAction', () => {
  it('creates the project in the caller’s org, trimmed and normalized, with an audit row naming the actor', async () => {
    superintendent();
    const result = await createProjectAction(null, validForm());
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : '';
    expect(await projectRow(acme, id)).toMatchObject({
      organizationId: acme.id,
      name: 'Lakeside Townhomes',
      npdesPermitId: 'TXR15LK01',
      permitStart: '2026-04-01',
      permitEnd: '2027-04-01',
      disturbedAcres: '12.50',
      sensitiveWater: true,
      inspectionSchedule: 'every_14_days_and_storm',
      status: 'active',
      createdBy: 'user_acme_super',
    });
    const [audit] = await auditRowsFor(acme, id);
    expect(audit).toMatchObject({
      action: 'create',
      entityType: 'project',
      actorUserId: 'user_acme_super',
      ip: '198.51.100.7',
      userAgent: 'vitest-phone/1.0',
    });
    expect(revalidated).toContain('/projects');
  });

  it('accepts the minimum (a name) and fills the defaults', async () => {
    owner();
    const result = await createProjectAction(
      null,
      form({ name: 'Bare lot', address: '', disturbedAcres: '', permitStart: '' }),
    );
    expect(result.ok).toBe(true);
    expect(await projectRow(acme, result.ok ? result.data.id : '')).toMatchObject({
      address: '',
      npdesPermitId: null,
      permitStart: null,
      disturbedAcres: null,
      sensitiveWater: false,
      inspectionSchedule: 'every_7_days',
      status: 'active',
    });
  });

  it('reports every invalid field at once and writes nothing', async () => {
    owner();
    const [projectsBefore, auditBefore] = [await projectCount(acme), await auditCount(acme)];
    const result = await createProjectAction(
      null,
      form({
        name: '   ',
        npdesPermitId: 'TXR 15!',
        permitStart: '2026-05-01',
        permitEnd: '2026-04-01',
        disturbedAcres: '-3',
        inspectionSchedule: 'monthly',
        status: 'deleted',
      }),
    );
    expect(result.ok).toBe(false);
    const fieldErrors = !result.ok ? (result.fieldErrors ?? {}) : {};
    expect(Object.keys(fieldErrors).sort()).toEqual([
      'disturbedAcres',
      'inspectionSchedule',
      'name',
      'npdesPermitId',
      'permitEnd',
      'status',
    ]);
    expect(fieldErrors.name).toEqual(['Enter the project name.']);
    expect(fieldErrors.permitEnd).toEqual(['Permit termination must be on or after the coverage start.']);
    expect(fieldErrors.disturbedAcres).toEqual(['The disturbed area must be between 0 and 100000 acres.']);
    expect(
      await createProjectAction(null, form({ name: 'x', disturbedAcres: '1.234', permitStart: '2026-02-30' })),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        disturbedAcres: ['Use at most 2 decimal places for the disturbed area.'],
        permitStart: ['Permit coverage start must be a date (YYYY-MM-DD).'],
      },
    });
    expect(await projectCount(acme)).toBe(projectsBefore);
    expect(await auditCount(acme)).toBe(auditBefore);
  });

  it('refuses a role without org:projects:write (crew, viewer) and writes nothing', async () => {
    const [acmeBefore, boltBefore, auditBefore] = [
      await projectCount(acme),
      await projectCount(bolt),
      await auditCount(acme),
    ];
    crew();
    expect(await createProjectAction(null, validForm())).toEqual(FORBIDDEN);
    viewer();
    expect(await createProjectAction(null, validForm())).toEqual(FORBIDDEN);
    actAs(null);
    expect(await createProjectAction(null, validForm())).toEqual({ ok: false, formError: 'Sign in to continue.' });
    expect([await projectCount(acme), await projectCount(bolt), await auditCount(acme)]).toEqual([
      acmeBefore,
      boltBefore,
      auditBefore,
    ]);
  });

  it('ignores an organization id smuggled into the form', async () => {
    owner();
    const result = await createProjectAction(
      null,
      validForm({ name: 'Smuggled', organizationId: bolt.id, orgId: bolt.id }),
    );
    expect(result.ok).toBe(true);
    expect(await projectRow(acme, result.ok ? result.data.id : '')).toMatchObject({ organizationId: acme.id });
  });
});

describe('updateProjectAction', () => {
  it('saves every field, audits a diff with the actor', async () => {
    owner();
    const p = await projectNamed(acme, 'Oak Park School Expansion');
    const result = await updateProjectAction(
      null,
      validForm({ id: p.id, name: 'Oak Park School Expansion', status: 'completed', sensitiveWater: 'false' }),
    );
    expect(result).toEqual({ ok: true, data: { id: p.id } });
    expect(await projectRow(acme, p.id)).toMatchObject({
      status: 'completed',
      sensitiveWater: false,
      npdesPermitId: 'TXR15LK01',
    });
    const audits = await auditRowsFor(acme, p.id);
    const last = audits.find((a) => a.action === 'update');
    expect(last).toMatchObject({ actorUserId: 'user_acme_owner', ip: '198.51.100.7', entityType: 'project' });
    expect(last?.before).toMatchObject({ status: 'active' });
    expect(last?.after).toMatchObject({ status: 'completed' });
    expect(last?.after).not.toHaveProperty('name');
    expect(revalidated).toEqual(expect.arrayContaining(['/projects', `/projects/${p.id}`]));
  });

  it("saves the site's time zone; blank means the organization's; an unknown zone is refused", async () => {
    owner();
    const p = await projectNamed(acme, 'Riverside Apartments');
    const base = { id: p.id, name: p.name, sensitiveWater: 'true' };
    expect(await updateProjectAction(null, validForm({ ...base, timeZone: 'America/Chicago' }))).toEqual({
      ok: true,
      data: { id: p.id },
    });
    expect((await projectRow(acme, p.id))?.timeZone).toBe('America/Chicago');
    const bad = await updateProjectAction(null, validForm({ ...base, timeZone: 'Mars/Olympus' }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.fieldErrors?.timeZone).toEqual(['Choose a time zone from the list (e.g. America/Chicago).']);
    expect((await projectRow(acme, p.id))?.timeZone).toBe('America/Chicago');
    expect((await updateProjectAction(null, validForm({ ...base, timeZone: '' }))).ok).toBe(true);
    expect((await projectRow(acme, p.id))?.timeZone).toBeNull();
  });

  it('reports every invalid field, including a bad id, and changes nothing', async () => {
    owner();
    const p = await projectNamed(acme, 'Hillcrest Retail Center');
    const auditBefore = await auditCount(acme);
    const result = await updateProjectAction(
      null,
      form({ id: 'nope', name: '', permitStart: '2026-05-02', permitEnd: '2026-05-01', disturbedAcres: 'lots' }),
    );
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? (result.fieldErrors ?? {}) : {}).sort()).toEqual([
      'disturbedAcres',
      'id',
      'name',
      'permitEnd',
    ]);
    expect(await projectRow(acme, p.id)).toEqual(p);
    expect(await auditCount(acme)).toBe(auditBefore);
  });

  it('crew may not edit', async () => {
    crew();
    const p = await projectNamed(acme, 'Hillcrest Retail Center');
    expect(await updateProjectAction(null, validForm({ id: p.id }))).toEqual(FORBIDDEN);
    expect(await projectRow(acme, p.id)).toEqual(p);
  });

  it('another org’s id is "Not found." like a missing one: nothing changes, no audit row anywhere', async () => {
    owner();
    const theirs = await projectNamed(bolt, 'Hillcrest Retail Center');
    const [acmeAudit, boltAudit] = [await auditCount(acme), await auditCount(bolt)];
    expect(await updateProjectAction(null, validForm({ id: theirs.id, name: 'Hijacked' }))).toEqual(NOT_FOUND);
    expect(await updateProjectAction(null, validForm({ id: randomUUID() }))).toEqual(NOT_FOUND);
    expect(await projectRow(bolt, theirs.id)).toEqual(theirs);
    expect(await auditRowsFor(bolt, theirs.id)).toEqual([]);
    expect(await auditRowsFor(acme, theirs.id)).toEqual([]);
    expect([await auditCount(acme), await auditCount(bolt)]).toEqual([acmeAudit, boltAudit]);
  });
});

describe('archiveProjectAction', () => {
  it('archives (audited as "archive"), and a second archive writes nothing more', async () => {
    superintendent();
    const created = await createProjectAction(null, form({ name: 'To archive' }));
    const id = created.ok ? created.data.id : '';
    expect(await archiveProjectAction(null, form({ id }))).toEqual({ ok: true, data: { id } });
    expect(await projectRow(acme, id)).toMatchObject({ status: 'archived' });
    const audits = await auditRowsFor(acme, id);
    expect(audits.map((a) => a.action).sort()).toEqual(['archive', 'create']);
    expect(audits.find((a) => a.action === 'archive')).toMatchObject({
      actorUserId: 'user_acme_super',
      userAgent: 'vitest-phone/1.0',
    });
    expect(await archiveProjectAction(null, { id })).toEqual({ ok: true, data: { id } });
    expect(await auditRowsFor(acme, id)).toHaveLength(2);
  });

  it('validates the id', async () => {
    owner();
    expect(await archiveProjectAction(null, form({ id: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { id: ['Unknown project.'] },
    });
  });

  it('crew and viewer may not archive', async () => {
    const p = await projectNamed(acme, 'Riverside Apartments');
    crew();
    expect(await archiveProjectAction(null, { id: p.id })).toEqual(FORBIDDEN);
    const q = await projectNamed(bolt, 'Riverside Apartments');
    viewer();
    expect(await archiveProjectAction(null, { id: q.id })).toEqual(FORBIDDEN);
    expect(await projectRow(acme, p.id)).toEqual(p);
    expect(await projectRow(bolt, q.id)).toEqual(q);
  });

  it('another org’s id is "Not found.": still active, no audit row', async () => {
    owner();
    const theirs = await projectNamed(bolt, 'Riverside Apartments');
    expect(await archiveProjectAction(null, { id: theirs.id })).toEqual(NOT_FOUND);
    expect(await projectRow(bolt, theirs.id)).toMatchObject({ status: 'active' });
    expect(await auditRowsFor(bolt, theirs.id)).toEqual([]);
    expect(await auditRowsFor(acme, theirs.id)).toEqual([]);
  });
});
