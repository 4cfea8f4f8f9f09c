/**
 * Every inspection action through tenantAction against the real database:
 * happy path, all field errors, missing permission, another tenant's id (a
 * plain "not found" with nothing written and no audit row), audit rows in the
 * same transaction, idempotent create/submit and signed-record immutability.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formSubmissions, inspections } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { recordSha256 } from '@/lib/inspections/record-hash';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import {
  acme,
  auditOf,
  bolt,
  completeEpaForm,
  crewA,
  crewB,
  inspectorA,
  inspectorB,
  seedInspectionFixtures,
  tally,
  viewerB,
} from '@/tests/support/inspection-fixtures';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { createInspectionAction } = await import('./create-inspection');
const { saveInspectionDraftAction } = await import('./save-inspection-draft');
const { submitInspectionAction } = await import('./submit-inspection');
const { signInspectionAction } = await import('./sign-inspection');
const { publishInspectionAction } = await import('./publish-inspection');
const { amendInspectionAction } = await import('./amend-inspection');
const { getCurrentTemplateByKey } = await import('@/lib/forms/templates');
const { publishTemplateVersion } = await import('@/tests/support/form-templates');
const { CERTIFICATION_STATEMENT } = await import('@/lib/inspections/certification');

let db: ReturnType<typeof testDatabase.app>;
let acmeProject: string;
let boltProject: string;
const FORBIDDEN = { ok: false, formError: 'You do not have permission to do that.' };
const NOT_FOUND = { ok: false, formError: 'Not found.' };

const rowOf = (orgId: string, id: string) =>
  withTenantOn(
    db,
    { orgId, userId: 'test' },
    async (tx) => (await tx.select().from(inspections).where(eq(inspections.id, id)))[0],
  );
const formOf = (orgId: string, inspectionId: string) =>
  withTenantOn(db, { orgId, userId: 'test' }, (tx) =>
    tx.select().from(formSubmissions).where(eq(formSubmissions.inspectionId, inspectionId)),
  );

/** A draft started by acme's crew member. */
async function startDraft(type: 'routine' | 'storm_event' = 'routine') {
  actAs(crewA);
  const res = await createInspectionAction(null, { projectId: acmeProject, type, idempotencyKey: randomUUID() });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data.inspectionId;
}
async function submitted() {
  const id = await startDraft();
  const res = await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm() });
  expect(res).toMatchObject({ ok: true, data: { status: 'submitted' } });
  return id;
}
async function signed() {
  const id = await submitted();
  actAs(inspectorA);
  expect(
    (await signInspectionAction(null, { inspectionId: id, name: 'Ines Ibarra', title: 'CPESC', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' })).ok,
  ).toBe(true);
  return id;
}

beforeAll(async () => {
  db = testDatabase.app({ max: 2 });
  const f = await seedInspectionFixtures(db);
  acmeProject = f.acmeProjects[0]!;
  boltProject = f.boltProjects[0]!;
});

describe('createInspectionAction', () => {
  it('crew starts a draft inspection with its EPA form, both audited', async () => {
    actAs(crewA);
    const key = randomUUID();
    const res = await createInspectionAction(null, {
      projectId: acmeProject,
      type: 'storm_event',
      idempotencyKey: key,
    });
    expect(res).toMatchObject({ ok: true, data: { replayed: false } });
    if (!res.ok) return;
    const row = await rowOf(acme.id, res.data.inspectionId);
    expect(row).toMatchObject({ status: 'draft', type: 'storm_event', createdBy: 'user_acme_crew' });
    const [form] = await formOf(acme.id, res.data.inspectionId);
    // The type lives on the row; the form starts with today's date and asks no type question.
    expect(form).toMatchObject({ status: 'draft', idempotencyKey: key, data: { inspection_date: expect.any(String) } });
    expect(form?.data).not.toHaveProperty('inspection_type');
    expect((await auditOf(db, acme.id, res.data.inspectionId)).map((a) => a.action)).toEqual(['create']);
    expect((await auditOf(db, acme.id, form!.id)).map((a) => [a.action, a.entityType])).toEqual([
      ['create', 'form_submission'],
    ]);
  });

  it('the same idempotency key twice makes one inspection and one form', async () => {
    actAs(crewA);
    const input = { projectId: acmeProject, type: 'routine', idempotencyKey: randomUUID() };
    const before = await tally(db, acme.id);
    const [a, b] = await Promise.all([createInspectionAction(null, input), createInspectionAction(null, input)]);
    const c = await createInspectionAction(null, input);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(new Set([a.data.inspectionId, b.data.inspectionId, c.data.inspectionId]).size).toBe(1);
    expect([a.data.replayed, b.data.replayed, c.data.replayed].filter(Boolean)).toHaveLength(2);
    const after = await tally(db, acme.id);
    expect(after).toEqual({
      inspections: before.inspections + 1,
      submissions: before.submissions + 1,
      audit: before.audit + 2,
    });
  });

  it('reports every invalid field from FormData and writes nothing', async () => {
    actAs(crewA);
    const before = await tally(db, acme.id);
    const form = new FormData();
    form.set('projectId', 'nope');
    form.set('type', 'daily');
    const res = await createInspectionAction(null, form);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['idempotencyKey', 'projectId', 'type']);
    expect(await tally(db, acme.id)).toEqual(before);
  });

  it('a viewer is refused and nothing is written', async () => {
    actAs(viewerB);
    const before = await tally(db, bolt.id);
    expect(
      await createInspectionAction(null, { projectId: boltProject, type: 'routine', idempotencyKey: randomUUID() }),
    ).toEqual(FORBIDDEN);
    expect(await tally(db, bolt.id)).toEqual(before);
  });

  it("another tenant's project is not found: nothing written, no audit row in either org", async () => {
    actAs(crewB);
    const [beforeA, beforeB] = [await tally(db, acme.id), await tally(db, bolt.id)];
    expect(
      await createInspectionAction(null, { projectId: acmeProject, type: 'routine', idempotencyKey: randomUUID() }),
    ).toEqual({
      ok: false,
      formError: 'Project not found.',
    });
    expect(await tally(db, acme.id)).toEqual(beforeA);
    expect(await tally(db, bolt.id)).toEqual(beforeB);
  });
});

describe('saveInspectionDraftAction (autosave)', () => {
  it('saves the draft form with an audit row', async () => {
    const id = await startDraft();
    const res = await saveInspectionDraftAction(null, {
      inspectionId: id,
      data: { weather: 'Overcast', rain_gauge_inches: 0.5 },
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'saved' } });
    const [form] = await formOf(acme.id, id);
    expect(form?.data).toEqual({ weather: 'Overcast', rain_gauge_inches: 0.5 });
    expect((await auditOf(db, acme.id, form!.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('reports wrongly typed values per field and keeps the previous draft', async () => {
    const id = await startDraft();
    const res = await saveInspectionDraftAction(null, {
      inspectionId: id,
      data: { rain_gauge_inches: 'lots', discharge_occurring: 'maybe', unknown_field: 1 },
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'invalid' } });
    if (!res.ok || res.data.status !== 'invalid') return;
    expect(Object.keys(res.data.fieldErrors).sort()).toEqual(['_form', 'discharge_occurring', 'rain_gauge_inches']);
    expect((await formOf(acme.id, id))[0]?.data).toEqual({ inspection_date: expect.any(String) });
  });

  it('reports every invalid input field', async () => {
    actAs(crewA);
    const res = await saveInspectionDraftAction(null, { inspectionId: 'x', data: 'y' });
    expect(!res.ok && Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['data', 'inspectionId']);
  });

  it('viewer refused; foreign id not found; nothing written', async () => {
    const id = await startDraft();
    const before = await tally(db, acme.id);
    actAs(viewerB);
    expect(await saveInspectionDraftAction(null, { inspectionId: id, data: {} })).toEqual(FORBIDDEN);
    actAs(crewB);
    const beforeB = await tally(db, bolt.id);
    expect(await saveInspectionDraftAction(null, { inspectionId: id, data: { weather: 'pwned' } })).toEqual(NOT_FOUND);
    expect(await tally(db, acme.id)).toEqual(before);
    expect(await tally(db, bolt.id)).toEqual(beforeB);
    expect((await formOf(acme.id, id))[0]?.data).not.toHaveProperty('weather');
  });
});

describe('submitInspectionAction', () => {
  it('reports every missing required field against the template version, writes nothing', async () => {
    const id = await startDraft();
    const before = await tally(db, acme.id);
    const res = await submitInspectionAction(null, {
      inspectionId: id,
      data: { bmp_results: { silt_fence: { result: 'pass' } } },
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'invalid' } });
    if (!res.ok || res.data.status !== 'invalid') return;
    expect(Object.keys(res.data.fieldErrors)).toEqual(
      expect.arrayContaining([
        'inspection_date',
        'weather',
        'discharge_occurring',
        'performed_by',
        'bmp_results.inlet_protection',
        'bmp_results.waste',
      ]),
    );
    expect(res.data.fieldErrors).not.toHaveProperty(['bmp_results.silt_fence']);
    expect(await tally(db, acme.id)).toEqual(before);
    expect((await rowOf(acme.id, id))?.status).toBe('draft');
  });

  it('submits form and inspection in one step, copying the summary fields', async () => {
    const id = await startDraft('storm_event');
    // The type is asked once, when starting: the form has no type question to answer again.
    expect(
      await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm({ inspection_type: 'follow_up' }) }),
    ).toMatchObject({ ok: true, data: { status: 'invalid', fieldErrors: { _form: expect.any(Array) } } });
    const res = await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm() });
    expect(res).toEqual({ ok: true, data: { status: 'submitted', inspectionId: id, replayed: false } });
    const row = await rowOf(acme.id, id);
    expect(row).toMatchObject({
      status: 'submitted',
      type: 'storm_event',
      inspectorName: 'Carlos Cruz',
      inspectorTitle: 'Site foreman',
      findings: 'Re-trench silt fence at NE corner',
      areasNotInspected: 'North stockpile: flooded access road',
      rainGaugeInches: '0.30',
    });
    expect(row?.inspectedAt?.toISOString().slice(0, 10)).toBe('2026-05-04');
    expect(row?.bmpResults).toEqual(
      expect.arrayContaining([
        {
          bmpCategoryKey: 'sediment_control',
          item: 'silt_fence',
          label: expect.any(String),
          result: 'fail',
          note: 'Down at NE corner',
        },
      ]),
    );
    expect((row?.bmpResults as unknown[]).length).toBe(9);
    expect((await formOf(acme.id, id))[0]).toMatchObject({ status: 'submitted', submittedBy: 'user_acme_crew' });
    expect((await auditOf(db, acme.id, id)).map((a) => a.action)).toEqual(['create', 'submit']);
  });

  it('is idempotent: a retried submit (even reordered keys) returns the same row and writes nothing', async () => {
    const id = await submitted();
    const before = await tally(db, acme.id);
    const reordered = Object.fromEntries(Object.entries(completeEpaForm()).reverse());
    const again = await submitInspectionAction(null, { inspectionId: id, data: reordered });
    expect(again).toEqual({ ok: true, data: { status: 'submitted', inspectionId: id, replayed: true } });
    expect(await tally(db, acme.id)).toEqual(before);
    expect(await formOf(acme.id, id)).toHaveLength(1);
    // Different data after submitting is a conflict, not an overwrite.
    expect(
      await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm({ weather: 'changed' }) }),
    ).toMatchObject({ ok: false, formError: expect.stringMatching(/already submitted/) });
    expect(await saveInspectionDraftAction(null, { inspectionId: id, data: {} })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already submitted/),
    });
    expect(await tally(db, acme.id)).toEqual(before);
  });

  it('viewer refused; foreign id not found; nothing written, no audit row', async () => {
    const id = await startDraft();
    const before = await tally(db, acme.id);
    actAs(viewerB);
    expect(await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm() })).toEqual(FORBIDDEN);
    actAs(inspectorB);
    const beforeB = await tally(db, bolt.id);
    expect(await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm() })).toEqual(NOT_FOUND);
    expect(await tally(db, acme.id)).toEqual(before);
    expect(await tally(db, bolt.id)).toEqual(beforeB);
  });

  it('reports every invalid input field', async () => {
    actAs(crewA);
    const res = await submitInspectionAction(null, {});
    expect(!res.ok && Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['data', 'inspectionId']);
  });
});

describe('signInspectionAction (certification)', () => {
  it('crew cannot sign; nothing written', async () => {
    const id = await submitted();
    const before = await tally(db, acme.id);
    actAs(crewA);
    expect(await signInspectionAction(null, { inspectionId: id, name: 'Carlos', title: 'Crew', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' })).toEqual(
      FORBIDDEN,
    );
    expect(await tally(db, acme.id)).toEqual(before);
  });

  it('reports every missing field', async () => {
    actAs(inspectorA);
    const res = await signInspectionAction(null, new FormData());
    expect(!res.ok && Object.keys(res.fieldErrors ?? {}).sort()).toEqual(['accept', 'inspectionId', 'name', 'qualifications', 'title']);
  });

  it('an inspector signs with name, title, the server statement and time; audited', async () => {
    const id = await submitted();
    actAs(inspectorA);
    const form = new FormData();
    form.set('inspectionId', id);
    form.set('name', 'Ines Ibarra');
    form.set('title', 'Certified stormwater inspector');
    form.set('qualifications', 'CPESC #1234');
    form.set('accept', 'on');
    form.set('statement', 'I certify nothing');
    const res = await signInspectionAction(null, form);
    expect(res).toMatchObject({ ok: true, data: { inspectionId: id } });
    const row = await rowOf(acme.id, id);
    expect(row).toMatchObject({
      signatureName: 'Ines Ibarra',
      signatureTitle: 'Certified stormwater inspector',
      signatureQualifications: 'CPESC #1234',
      // Who performed it stays as the crew recorded it: performer and signer are two people.
      inspectorName: 'Carlos Cruz',
      inspectorTitle: 'Site foreman',
      signedBy: 'user_acme_inspector',
    });
    // The full 40 CFR 122.22(d) statement, from the server.
    expect(row?.signatureStatement).toBe(CERTIFICATION_STATEMENT);
    expect(Math.abs(row!.signedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    // The seal: the signed record's SHA-256, stored in the signing transaction (lib/inspections/seal-record.ts).
    // sign and seal share one transaction (one created_at): compared as a set after create, submit.
    const actions = (await auditOf(db, acme.id, id)).map((a) => a.action);
    expect(actions.slice(0, 2)).toEqual(['create', 'submit']);
    expect(actions.slice(2).sort()).toEqual(['seal', 'sign']);
    expect(row?.recordSha256).toBe(recordSha256(row!));
  });

  it('a draft cannot be signed; a signed one cannot be signed again', async () => {
    const draft = await startDraft();
    actAs(inspectorA);
    expect(
      await signInspectionAction(null, { inspectionId: draft, name: 'Ines', title: 'CPESC', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' }),
    ).toMatchObject({ ok: false, formError: expect.stringMatching(/Submit/) });
    const id = await signed();
    expect(
      await signInspectionAction(null, { inspectionId: id, name: 'Other', title: 'Other', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' }),
    ).toMatchObject({ ok: false });
    expect((await rowOf(acme.id, id))?.signatureName).toBe('Ines Ibarra');
  });

  it("another tenant's inspector gets not found; nothing written, no audit row", async () => {
    const id = await submitted();
    const [beforeA] = [await tally(db, acme.id)];
    actAs(inspectorB);
    const beforeB = await tally(db, bolt.id);
    expect(
      await signInspectionAction(null, { inspectionId: id, name: 'Ivan Ivers', title: 'Inspector', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' }),
    ).toEqual(NOT_FOUND);
    expect(await tally(db, acme.id)).toEqual(beforeA);
    expect(await tally(db, bolt.id)).toEqual(beforeB);
    expect((await rowOf(acme.id, id))?.signedAt).toBeNull();
  });
});

describe('publishInspectionAction', () => {
  it('needs a signature first; crew cannot; inspector publishes with an audit row', async () => {
    const unsigned = await submitted();
    actAs(inspectorA);
    expect(await publishInspectionAction(null, { inspectionId: unsigned })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/signed/),
    });
    const id = await signed();
    actAs(crewA);
    expect(await publishInspectionAction(null, { inspectionId: id })).toEqual(FORBIDDEN);
    actAs(inspectorA);
    expect(await publishInspectionAction(null, { inspectionId: id })).toEqual({ ok: true, data: { inspectionId: id } });
    expect((await rowOf(acme.id, id))?.status).toBe('published');
    const actions = (await auditOf(db, acme.id, id)).map((a) => a.action);
    expect([...actions.slice(0, 2), ...actions.slice(2, 4).sort(), ...actions.slice(4)]).toEqual(['create', 'submit', 'seal', 'sign', 'publish']);
  });

  it('invalid id reported; foreign id not found with nothing written', async () => {
    actAs(inspectorA);
    expect(await publishInspectionAction(null, { inspectionId: '123' })).toMatchObject({
      ok: false,
      fieldErrors: { inspectionId: expect.any(Array) },
    });
    const id = await signed();
    actAs(inspectorB);
    const beforeB = await tally(db, bolt.id);
    const beforeA = await tally(db, acme.id);
    expect(await publishInspectionAction(null, { inspectionId: id })).toEqual(NOT_FOUND);
    expect(await tally(db, bolt.id)).toEqual(beforeB);
    expect(await tally(db, acme.id)).toEqual(beforeA);
  });
});

describe('amendInspectionAction and immutability', () => {
  it('a signed inspection cannot be changed through any action', async () => {
    const id = await signed();
    const before = await rowOf(acme.id, id);
    const tallyBefore = await tally(db, acme.id);
    actAs(crewA);
    expect((await saveInspectionDraftAction(null, { inspectionId: id, data: { weather: 'x' } })).ok).toBe(false);
    expect((await submitInspectionAction(null, { inspectionId: id, data: completeEpaForm({ weather: 'x' }) })).ok).toBe(
      false,
    );
    actAs(inspectorA);
    expect(
      (await signInspectionAction(null, { inspectionId: id, name: 'Someone Else', title: 'X', qualifications: 'EPA CGP inspector training, 2025', accept: 'on' })).ok,
    ).toBe(false);
    expect(await rowOf(acme.id, id)).toEqual(before);
    expect(await tally(db, acme.id)).toEqual(tallyBefore);
  });

  it('amend makes a new draft revision with a copy of the form, minus signatures; one per revision', async () => {
    const id = await signed();
    actAs(crewA);
    expect(await amendInspectionAction(null, { inspectionId: id })).toEqual(FORBIDDEN);
    actAs(inspectorA);
    const res = await amendInspectionAction(null, { inspectionId: id });
    expect(res).toMatchObject({ ok: true, data: { revision: 2 } });
    if (!res.ok) return;
    const amendment = await rowOf(acme.id, res.data.inspectionId);
    expect(amendment).toMatchObject({
      status: 'draft',
      amendsInspectionId: id,
      revision: 2,
      signedAt: null,
      findings: 'Re-trench silt fence at NE corner',
    });
    const [form] = await formOf(acme.id, res.data.inspectionId);
    expect(form).toMatchObject({ status: 'draft' });
    expect(form?.data).toMatchObject({ weather: 'Clear, 72°F' });
    expect(form?.data).not.toHaveProperty('signature');
    expect((await auditOf(db, acme.id, res.data.inspectionId)).map((a) => a.action)).toEqual(['amend']);
    expect(await amendInspectionAction(null, { inspectionId: id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already has an amendment/),
    });
    // The amendment is filled and submitted like any draft.
    actAs(crewA);
    expect(
      await submitInspectionAction(null, { inspectionId: res.data.inspectionId, data: completeEpaForm() }),
    ).toMatchObject({ ok: true, data: { status: 'submitted' } });
  });

  it('an unsigned inspection is edited, not amended; foreign id not found', async () => {
    const draft = await startDraft();
    actAs(inspectorA);
    expect(await amendInspectionAction(null, { inspectionId: draft })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/Only a signed/),
    });
    const id = await signed();
    actAs(inspectorB);
    const [beforeA, beforeB] = [await tally(db, acme.id), await tally(db, bolt.id)];
    expect(await amendInspectionAction(null, { inspectionId: id })).toEqual(NOT_FOUND);
    expect(await tally(db, acme.id)).toEqual(beforeA);
    expect(await tally(db, bolt.id)).toEqual(beforeB);
  });
});

describe('one transaction', () => {
  it('a failure after the first write leaves neither rows nor audit entries behind', async () => {
    // A template version whose fields can't hold the initial data (its legacy type question is
    // answered with the row's type, too long for it): the form insert fails after the inspection
    // (and its audit row) were written, and everything rolls back.
    const actor = { orgId: acme.id, userId: 'user_acme_owner' };
    const original = await withTenantOn(db, actor, (tx) => getCurrentTemplateByKey(tx, acme.id, 'epa_cgp_inspection'));
    await withTenantOn(db, actor, (tx) =>
      publishTemplateVersion(tx, actor, 'epa_cgp_inspection', {
        title: 'Broken',
        sections: [
          {
            key: 's',
            title: 'S',
            fields: [
              { key: 'inspection_type', label: 'Type', type: 'text', required: false, multiline: false, maxLength: 2 },
            ],
          },
        ],
      }),
    );
    const before = await tally(db, acme.id);
    actAs(crewA);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await createInspectionAction(null, {
      projectId: acmeProject,
      type: 'routine',
      idempotencyKey: randomUUID(),
    });
    spy.mockRestore();
    expect(res).toEqual({ ok: false, formError: 'Something went wrong. Please try again.' });
    expect(await tally(db, acme.id)).toEqual(before);
    // Restore the real template as a newer version; old submissions keep theirs.
    await withTenantOn(db, actor, (tx) => publishTemplateVersion(tx, actor, 'epa_cgp_inspection', original!.schema));
  });
});
