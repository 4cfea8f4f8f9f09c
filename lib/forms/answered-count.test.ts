import { describe, expect, it } from 'vitest';
import { answeredCount } from './answered-count';
import type { TemplateDefinition } from './template-definition';

const definition = {
  sections: [
    {
      key: 's',
      title: 'S',
      fields: [
        { key: 'weather', label: 'Weather', type: 'text', required: true },
        { key: 'bmps', label: 'BMPs', type: 'bmp_checklist', required: true, items: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }] },
        { key: 'pics', label: 'Photos', type: 'photo', required: false },
        { key: 'areas', label: 'Areas', type: 'choice', required: false, multiple: true, options: [] },
      ],
    },
  ],
} as unknown as TemplateDefinition;

describe('answeredCount', () => {
  it('counts answered fields, a checklist only when every item has a result, photos left out', () => {
    expect(answeredCount(definition, {})).toEqual({ done: 0, total: 3 });
    expect(answeredCount(definition, { weather: 'dry', bmps: { a: { result: 'pass' } }, areas: [] })).toEqual({ done: 1, total: 3 });
    expect(
      answeredCount(definition, { weather: 'dry', bmps: { a: { result: 'pass' }, b: { result: 'na' } }, areas: ['x'] }),
    ).toEqual({ done: 3, total: 3 });
  });
});
