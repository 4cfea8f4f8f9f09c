/**
 * Signatures as the permit means them, against the real database: a reviewer
 * returns a submitted report to its author with a comment (audited), the
 * author resubmits; OSHA checklists start from "New inspection" with their own
 * form, are signed with their own statement and never published or counted
 * for the stormwater schedule; an older template's type question can't
 * change the type chosen at start.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formSubmissions, inspections } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import {
  acme,
  auditOf,
  bolt,
  completeEpaForm,
  crewA,
  inspectorA,
  inspectorB,
  seedInspectionFixtures,
  tally,
} from '@/tests/support/inspection-fixtures';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { createInspectionAction } = await import('./create-inspection');
const { saveInspectionDraftAction } = await import('./save-inspection-draft');
const { submitInspectionAction } = await import('./submit-inspection');
const { signInspectionAction } = await import('./sign-inspection');
const { publishInspectionAction } = await import('./publish-inspection');
const { returnInspectionAction } = await import('./return-inspection');
const { publishTemplateVersion } = await import('@/tests/support/form-templates');
const { getTemplate } = await import('@/lib/forms/templates');
const { epaCgpInspection } = await import('@/lib/forms/default-templates');
const { CERTIFICATION_STATEMENT, OSHA_REVIEW_STATEMENT } = await import('@/lib/inspections/certification');
const { completedInspectionsOf } = await import('@/db/queries/obligations');
const { oshaChecklistsSince } = await import('@/db/queries/my-work');

let db: ReturnType<typeof testDatabase.app>;
let acmeProject: string;
const FORBIDDEN = { ok: false, formError: 'You do not have permission to do that.' };
const NOT_FOUND = { ok: false, formError: 'Not found.' };

const inAcme = <T>(fn: Parameters<typeof withTenantOn<T>>[2]) => withTenantOn(db, { orgId: acme.id, userId: 'test' }, fn);
const rowOf = (id: string) => inAcme(async (tx) => (await tx.select().from(inspections).where(eq(inspections.id, id)))[0]);
const formOf = (id: string) =>
  inAcme(async (tx) => (await tx.select().from(formSubmissions).where(eq(formSubmissions.inspectionId, id)))[0]);

async function start(type: 'routine' | 'osha_daily' | 'osha_weekly' = 'routine', projectId = acmeProject) {
  actAs(crewA);
  const res = await createInspectionAction(null, { projectId, type, idempotencyKey: randomUUID() });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data.inspectionId;
}
async function submitted(data = completeEpaForm()) {
  const id = await start();
  expect(await submitInspectionAction(null, { inspectionId: id, data })).toMatchObject({
    ok: true,
    data: { status: 'submitted' },
  });
  return id;
}
const sign = (inspectionId: string) =>
  signInspectionAction(null, { inspectionId, name: 'Ines Ibarra', title: 'CPESC', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' });

const oshaDaily = (overrides: Record<string, unknown> = {}) => ({
  date: '2026-12-01',
  ppe: 'yes',
  fall_protection: 'yes',
  ladders: 'yes',
  excavations: 'na',
  housekeeping: 'no',
  electrical: 'yes',
  notes: 'Debris at the east stair; cleared before work.',
  performed_by: { name: 'Carlos Cruz', title: 'Competent person' },
  ...overrides,
});

beforeAll(async () => {
  db = testDatabase.app({ max: 2 });
  const f = await seedInspectionFixtures(db);
  // A project of its own: the dashboard check below reads this project's last inspection.
  acmeProject = f.acmeProjects.at(-1)!;
});

describe('returnInspectionAction', () => {
  it('a reviewer returns a submitted report with a comment; the author edits and resubmits; every step audited', async () => {
    const id = await submitted();
    actAs(inspectorA);
    const res = await returnInspectionAction(null, {
      inspectionId: id,
      comment: 'The silt fence photo is missing; add it and say when it will be fixed.',
    });
    expect(res).toEqual({ ok: true, data: { inspectionId: id } });
    expect(await rowOf(id)).toMatchObject({
      status: 'draft',
      signedAt: null,
      returnedBy: 'user_acme_inspector',
      returnComment: 'The silt fence photo is missing; add it and say when it will be fixed.',
    });
    expect((await rowOf(id))?.returnedAt).toBeInstanceOf(Date);
    // The answers are kept and the form is a draft again.
    expect(await formOf(id)).toMatchObject({ status: 'draft', submittedAt: null, data: { weather: 'Clear, 72°F' } });

    actAs(crewA);
    expect(
      await saveInspectionDraftAction(null, { inspectionId: id, data: completeEpaForm({ weather: 'Clear, 75°F' }) }),
    ).toMatchObject({ ok: true, data: { status: 'saved' } });
    expect(
      await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm({ weather: 'Clear, 75°F' }) }),
    ).toEqual({ ok: true, data: { status: 'submitted', inspectionId: id, replayed: false } });
    expect(await rowOf(id)).toMatchObject({ status: 'submitted' });
    expect((await formOf(id))?.data).toMatchObject({ weather: 'Clear, 75°F' });

    const trail = await auditOf(db, acme.id, id);
    expect(trail.map((a) => a.action)).toEqual(['create', 'submit', 'return', 'submit']);
    const returned = trail[2]!;
    expect(returned).toMatchObject({ actorUserId: 'user_acme_inspector' });
    expect(JSON.stringify(returned.after)).toContain('The silt fence photo is missing');
    // The resubmitted report is signed as usual.
    actAs(inspectorA);
    expect((await sign(id)).ok).toBe(true);
  });

  it('crew cannot return; a short comment is a field error; nothing is written', async () => {
    const id = await submitted();
    const before = await tally(db, acme.id);
    actAs(crewA);
    expect(await returnInspectionAction(null, { inspectionId: id, comment: 'Please add the photo.' })).toEqual(FORBIDDEN);
    actAs(inspectorA);
    const short = await returnInspectionAction(null, { inspectionId: id, comment: ' x ' });
    expect(short).toMatchObject({ ok: false, fieldErrors: { comment: ['Say what needs to change'] } });
    expect(await tally(db, acme.id)).toEqual(before);
    expect(await rowOf(id)).toMatchObject({ status: 'submitted', returnComment: null });
  });

  it("another tenant's report is not found and untouched", async () => {
    const id = await submitted();
    const before = await tally(db, acme.id);
    actAs(inspectorB);
    expect(await returnInspectionAction(null, { inspectionId: id, comment: 'Not yours to return.' })).toEqual(NOT_FOUND);
    expect(await tally(db, acme.id)).toEqual(before);
    expect((await rowOf(id))?.status).toBe('submitted');
    expect(bolt.id).not.toBe(acme.id);
  });

  it('a draft or a signed report cannot be returned (a signed one is amended instead)', async () => {
    const draft = await start();
    actAs(inspectorA);
    expect(await returnInspectionAction(null, { inspectionId: draft, comment: 'Nothing to return yet.' })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/Only a submitted inspection/),
    });
    const id = await submitted();
    actAs(inspectorA);
    expect((await sign(id)).ok).toBe(true);
    const before = await rowOf(id);
    expect(await returnInspectionAction(null, { inspectionId: id, comment: 'Too late for this one.' })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/signed; record an amendment/),
    });
    expect(await rowOf(id)).toEqual(before);
  });
});

describe('OSHA checklists from New inspection', () => {
  it('osha_daily opens the OSHA daily form, is signed with the OSHA statement, is never published', async () => {
    const id = await start('osha_daily');
    const form = await formOf(id);
    const template = await inAcme((tx) => getTemplate(tx, acme.id, form!.templateId));
    expect(template?.key).toBe('osha_daily');
    expect(form?.data).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // The EPA report's answers are not this form's.
    expect(await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm() })).toMatchObject({
      ok: true,
      data: { status: 'invalid' },
    });
    expect(await submitInspectionAction(null, { inspectionId: id, data: oshaDaily() })).toMatchObject({
      ok: true,
      data: { status: 'submitted' },
    });
    expect(await rowOf(id)).toMatchObject({
      type: 'osha_daily',
      status: 'submitted',
      inspectorName: 'Carlos Cruz',
      inspectorTitle: 'Competent person',
    });
    expect((await rowOf(id))?.inspectedAt?.toISOString().slice(0, 10)).toBe('2026-12-01');

    actAs(inspectorA);
    expect((await sign(id)).ok).toBe(true);
    expect((await rowOf(id))?.signatureStatement).toBe(OSHA_REVIEW_STATEMENT);
    const before = await tally(db, acme.id);
    expect(await publishInspectionAction(null, { inspectionId: id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/OSHA checklists are internal/),
    });
    expect(await tally(db, acme.id)).toEqual(before);
    expect((await rowOf(id))?.status).toBe('submitted');
  });

  it("the OSHA due rules read the project's submitted checklists: not a draft, not a returned one, not another tenant's", async () => {
    const since = new Date(Date.now() - 60_000);
    const draft = await start('osha_daily'); // a draft: not done
    const id = await start('osha_daily');
    const mine = (r: { done: { id: string; type: string }[] }) => r.done.filter((d) => d.id === id || d.id === draft).map((d) => d.type);
    expect((await submitInspectionAction(null, { inspectionId: id, data: oshaDaily() })).ok).toBe(true);
    const read = await inAcme((tx) => oshaChecklistsSince(tx, acme.id, since, acmeProject));
    expect(read.sites.map((p) => p.id)).toEqual([acmeProject]);
    expect(mine(read)).toEqual(['osha_daily']);
    const bolts = await withTenantOn(db, { orgId: bolt.id, userId: 'test' }, (tx) => oshaChecklistsSince(tx, bolt.id, since));
    expect(bolts.sites.map((p) => p.id)).not.toContain(acmeProject);
    expect(mine(bolts)).toEqual([]);
    // Returned to its author, it is a draft again and no longer meets the rule.
    actAs(inspectorA);
    expect((await returnInspectionAction(null, { inspectionId: id, comment: 'Say which stair the debris was on.' })).ok).toBe(true);
    expect(mine(await inAcme((tx) => oshaChecklistsSince(tx, acme.id, since, acmeProject)))).toEqual([]);
  });

  it('an OSHA checklist does not meet the stormwater schedule; an EPA inspection does', async () => {
    // What the stored obligations are recomputed from (lib/compliance/recompute-obligations.ts).
    const last = async () => {
      const done = await inAcme((tx) => completedInspectionsOf(tx, acme.id, acmeProject));
      return done.length ? new Date(Math.max(...done.map((d) => d.at.getTime()))) : null;
    };
    const before = await last();
    const id = await start('osha_weekly');
    expect(
      await submitInspectionAction(null, {
        inspectionId: id,
        data: {
          week_of: '2030-01-07',
          fire_extinguishers: 'yes',
          first_aid: 'yes',
          hazcom: 'yes',
          equipment: 'yes',
          training: 'yes',
          performed_by: { name: 'Carlos Cruz' },
        },
      }),
    ).toMatchObject({ ok: true, data: { status: 'submitted' } });
    expect(await last()).toEqual(before);
    // Control: an EPA inspection dated later does move it.
    await submitted(completeEpaForm({ inspection_date: '2030-01-08' }));
    expect((await last())?.toISOString().slice(0, 10)).toBe('2030-01-08');
  });

  it('an EPA report is signed with the 40 CFR 122.22(d) statement', async () => {
    const id = await submitted();
    actAs(inspectorA);
    expect((await sign(id)).ok).toBe(true);
    expect((await rowOf(id))?.signatureStatement).toBe(CERTIFICATION_STATEMENT);
  });
});

describe('an older EPA template version that asked the type again', () => {
  it("its type question is answered from the row: the form can't change the type chosen at start", async () => {
    const legacy = {
      ...epaCgpInspection,
      sections: [
        {
          ...epaCgpInspection.sections[0]!,
          fields: [
            ...epaCgpInspection.sections[0]!.fields,
            {
              key: 'inspection_type',
              label: 'Type of inspection',
              type: 'choice' as const,
              required: true,
              multiple: false,
              options: ['routine', 'storm_event', 'follow_up', 'final'].map((value) => ({ value, label: value })),
            },
          ],
        },
        ...epaCgpInspection.sections.slice(1),
      ],
    };
    const actor = { orgId: acme.id, userId: 'test' };
    await inAcme((tx) => publishTemplateVersion(tx, actor, 'epa_cgp_inspection', legacy));
    try {
      const id = await start('routine');
      expect((await formOf(id))?.data).toMatchObject({ inspection_type: 'routine' });
      expect(
        await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm({ inspection_type: 'final' }) }),
      ).toMatchObject({ ok: true, data: { status: 'submitted' } });
      expect((await rowOf(id))?.type).toBe('routine');
      expect((await formOf(id))?.data).toMatchObject({ inspection_type: 'routine' });
    } finally {
      await inAcme((tx) => publishTemplateVersion(tx, actor, 'epa_cgp_inspection', epaCgpInspection));
    }
  });
});
