import { describe, expect, it } from 'vitest';
import { defaultTemplates, epaCgpInspection } from './default-templates';
import { submissionSchemaFor } from './submission-schema';
import { templateDefinition } from './template-definition';

describe('form templates', () => {
  it.each(defaultTemplates)('default template $key is a valid definition', ({ definition }) => {
    expect(templateDefinition.safeParse(definition).success).toBe(true);
  });

  it('rejects duplicate field keys and bad keys', () => {
    const bad = {
      title: 'x',
      sections: [{ key: 's', title: 'S', fields: [{ key: 'a', label: 'A', type: 'date' }, { key: 'a', label: 'B', type: 'date' }] }],
    };
    expect(templateDefinition.safeParse(bad).success).toBe(false);
    const badKey = { title: 'x', sections: [{ key: 'S-1', title: 'S', fields: [{ key: 'a', label: 'A', type: 'date' }] }] };
    expect(templateDefinition.safeParse(badKey).success).toBe(false);
  });
});

describe('submission validation', () => {
  const submit = submissionSchemaFor(epaCgpInspection, 'submit');
  const draft = submissionSchemaFor(epaCgpInspection, 'draft');
  const allPass = Object.fromEntries(
    epaCgpInspection.sections[1]!.fields[0]!.type === 'bmp_checklist'
      ? epaCgpInspection.sections[1]!.fields[0]!.items.map((i) => [i.key, { result: 'pass' }])
      : [],
  );
  const complete = {
    inspection_date: '2026-11-20',
    performed_by: { name: 'Ines Ibarra', title: 'Certified stormwater inspector' },
    weather: 'Clear, 60F',
    discharge_occurring: 'no',
    bmp_results: allPass,
  };

  it('accepts a complete submission', () => {
    expect(submit.safeParse(complete).success).toBe(true);
  });

  it('reports every missing required field, not just the first', () => {
    const result = submit.safeParse({});
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['inspection_date', 'performed_by', 'weather', 'discharge_occurring', 'bmp_results']));
  });

  it('lets a draft be incomplete but still type-checks what is there', () => {
    expect(draft.safeParse({ weather: 'Rain' }).success).toBe(true);
    expect(draft.safeParse({ rain_gauge_inches: -1 }).success).toBe(false);
    expect(draft.safeParse({ discharge_occurring: 'made_up' }).success).toBe(false);
  });

  it('rejects unknown fields, unchecked BMP items and wrong types', () => {
    expect(submit.safeParse({ ...complete, extra: 1 }).success).toBe(false);
    expect(submit.safeParse({ ...complete, bmp_results: { silt_fence: { result: 'pass' } } }).success).toBe(false);
    expect(submit.safeParse({ ...complete, inspection_date: 'yesterday' }).success).toBe(false);
    expect(submit.safeParse({ ...complete, bmp_results: { ...allPass, bogus: { result: 'pass' } } }).success).toBe(false);
  });
});
