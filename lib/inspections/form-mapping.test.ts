import { describe, expect, it } from 'vitest';
import { defaultTemplates, epaCgpInspection } from '@/lib/forms/default-templates';
import { submissionSchemaFor } from '@/lib/forms/submission-schema';
import type { TemplateDefinition } from '@/lib/forms/template-definition';
import { INSPECTION_TYPES } from '@/lib/zod/schemas/inspections';
import { formTypeOf, initialFormData, summaryFromForm, templateKeyOf, withoutSignatures, withRowType } from './form-mapping';

/** An EPA template version from before the type was asked once: it had its own type question and an in-form signature. */
const legacyEpa: TemplateDefinition = {
  ...epaCgpInspection,
  sections: [
    {
      ...epaCgpInspection.sections[0]!,
      fields: [
        ...epaCgpInspection.sections[0]!.fields.filter((f) => f.type !== 'performer'),
        {
          key: 'inspection_type',
          label: 'Type of inspection',
          type: 'choice',
          required: true,
          multiple: false,
          options: ['routine', 'storm_event', 'follow_up', 'final'].map((value) => ({ value, label: value })),
        },
      ],
    },
    ...epaCgpInspection.sections.slice(1),
    {
      key: 'certification',
      title: 'Certification',
      fields: [{ key: 'signature', label: 'Inspector signature', type: 'signature', required: true, statement: 'x' }],
    },
  ],
};

describe('inspection form mapping', () => {
  it('the EPA form does not ask the type again and has no in-form certification', () => {
    const fields = epaCgpInspection.sections.flatMap((s) => s.fields);
    expect(fields.some((f) => f.key === 'inspection_type' || f.type === 'choice')).toBe(false);
    expect(fields.some((f) => f.type === 'signature')).toBe(false);
    expect(fields.filter((f) => f.type === 'performer').map((f) => f.key)).toEqual(['performed_by']);
  });

  it('no default template carries a signature: the report has one, signed on the inspection', () => {
    for (const t of defaultTemplates) {
      expect(t.definition.sections.flatMap((s) => s.fields).some((f) => f.type === 'signature'), t.key).toBe(false);
    }
  });

  it('each type opens its template: four EPA types share one report, each OSHA checklist its own', () => {
    expect(INSPECTION_TYPES.map(templateKeyOf)).toEqual([
      'epa_cgp_inspection',
      'epa_cgp_inspection',
      'epa_cgp_inspection',
      'epa_cgp_inspection',
      'osha_daily',
      'osha_weekly',
    ]);
    const keys = new Set(defaultTemplates.map((t) => t.key));
    for (const t of INSPECTION_TYPES) expect(keys.has(templateKeyOf(t)), t).toBe(true);
  });

  it('a new form starts with today in its first date field', () => {
    const today = new Date('2026-05-04T10:00:00Z');
    expect(initialFormData(epaCgpInspection, 'routine', today)).toEqual({ inspection_date: '2026-05-04' });
    const daily = defaultTemplates.find((t) => t.key === 'osha_daily')!.definition;
    expect(initialFormData(daily, 'osha_daily', today)).toEqual({ date: '2026-05-04' });
    const weekly = defaultTemplates.find((t) => t.key === 'osha_weekly')!.definition;
    expect(initialFormData(weekly, 'osha_weekly', today)).toEqual({ week_of: '2026-05-04' });
  });

  it("an older template's type question is answered from the row, whatever the form sent", () => {
    const data = initialFormData(legacyEpa, 'corrective_follow_up', new Date('2026-05-04T10:00:00Z'));
    expect(data).toEqual({ inspection_type: 'follow_up', inspection_date: '2026-05-04' });
    expect(submissionSchemaFor(legacyEpa, 'draft').safeParse(data).success).toBe(true);
    expect(withRowType(legacyEpa, 'storm_event', { inspection_type: 'final', weather: 'x' })).toEqual({
      inspection_type: 'storm_event',
      weather: 'x',
    });
    // The current template has no such question: nothing is added.
    expect(withRowType(epaCgpInspection, 'storm_event', { weather: 'x' })).toEqual({ weather: 'x' });
    expect(formTypeOf('osha_daily')).toBeUndefined();
  });

  it('copies the summary columns from the form, the performer as the inspector', () => {
    const summary = summaryFromForm(epaCgpInspection, {
      inspection_date: '2026-05-04',
      performed_by: { name: 'Carlos Cruz', title: 'Foreman' },
      rain_gauge_inches: 0.3,
      bmp_results: { silt_fence: { result: 'fail', note: 'down' }, washout: { result: 'na' } },
      conditions_requiring_action: '  Fix fence ',
      areas_not_inspected: '',
    });
    expect(summary).toEqual({
      inspectedAt: new Date('2026-05-04T12:00:00Z'),
      inspectorName: 'Carlos Cruz',
      inspectorTitle: 'Foreman',
      bmpResults: [
        {
          bmpCategoryKey: 'sediment_control',
          item: 'silt_fence',
          label: 'Silt fence / perimeter controls intact',
          result: 'fail',
          note: 'down',
        },
        {
          bmpCategoryKey: 'good_housekeeping',
          item: 'washout',
          label: 'Concrete washout contained, not overflowing',
          result: 'na',
        },
      ],
      findings: 'Fix fence',
      rainGaugeInches: '0.30',
      areasNotInspected: null,
    });
  });

  it("a legacy form's in-form signature still names the inspector", () => {
    const summary = summaryFromForm(legacyEpa, {
      inspection_date: '2026-05-04',
      signature: { name: 'Carlos Cruz', signedAt: '2026-05-04T15:00:00.000Z' },
    });
    expect(summary.inspectorName).toBe('Carlos Cruz');
    expect(summary.inspectorTitle).toBeUndefined();
  });

  it('the performer needs a name; the title is optional', () => {
    const submit = submissionSchemaFor(epaCgpInspection, 'draft');
    expect(submit.safeParse({ performed_by: { name: 'Carlos Cruz' } }).success).toBe(true);
    expect(submit.safeParse({ performed_by: { name: ' ' } }).success).toBe(false);
    expect(submit.safeParse({ performed_by: { name: 'Carlos Cruz', signedAt: '2026-05-04T15:00:00Z' } }).success).toBe(false);
  });

  it('an amendment copy drops signatures only', () => {
    expect(withoutSignatures(legacyEpa, { weather: 'x', signature: { name: 'a', signedAt: 'b' } })).toEqual({
      weather: 'x',
    });
    expect(withoutSignatures(epaCgpInspection, { performed_by: { name: 'Carlos Cruz' } })).toEqual({
      performed_by: { name: 'Carlos Cruz' },
    });
  });
});
