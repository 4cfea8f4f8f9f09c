import { describe, expect, it } from 'vitest';
import { epaCgpInspection } from '@/lib/forms/default-templates';
import { submissionSchemaFor } from '@/lib/forms/submission-schema';
import { formTypeOf, initialFormData, summaryFromForm, withoutSignatures } from './form-mapping';

describe('inspection form mapping', () => {
  it('a new form starts with the chosen type and a date the template accepts', () => {
    const data = initialFormData('corrective_follow_up', new Date('2026-05-04T10:00:00Z'));
    expect(data).toEqual({ inspection_type: 'follow_up', inspection_date: '2026-05-04' });
    expect(submissionSchemaFor(epaCgpInspection, 'draft').safeParse(data).success).toBe(true);
    for (const t of ['routine', 'storm_event', 'corrective_follow_up', 'final'] as const) {
      expect(
        submissionSchemaFor(epaCgpInspection, 'draft').safeParse({ inspection_type: formTypeOf(t) }).success,
        t,
      ).toBe(true);
    }
  });

  it('copies the summary columns from the form', () => {
    const summary = summaryFromForm(epaCgpInspection, {
      inspection_type: 'storm_event',
      inspection_date: '2026-05-04',
      rain_gauge_inches: 0.3,
      bmp_results: { silt_fence: { result: 'fail', note: 'down' }, washout: { result: 'na' } },
      conditions_requiring_action: '  Fix fence ',
      areas_not_inspected: '',
      signature: { name: 'Carlos Cruz', signedAt: '2026-05-04T15:00:00.000Z' },
    });
    expect(summary).toEqual({
      type: 'storm_event',
      inspectedAt: new Date('2026-05-04T12:00:00Z'),
      inspectorName: 'Carlos Cruz',
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

  it('an amendment copy drops signatures only', () => {
    expect(withoutSignatures(epaCgpInspection, { weather: 'x', signature: { name: 'a', signedAt: 'b' } })).toEqual({
      weather: 'x',
    });
  });
});
