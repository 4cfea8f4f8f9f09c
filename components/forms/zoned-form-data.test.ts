import { describe, expect, it } from 'vitest';
import { instantsFromZonedControls } from './zoned-form-data';

describe('instantsFromZonedControls', () => {
  it('sends each typed site time as the UTC instant of its own zone, never the runtime’s', () => {
    const data = new FormData();
    data.set('startedAt', '2026-05-04T07:11');
    data.set('endedAt', '2026-01-04T07:11');
    data.set('note', '2026-05-04T07:11');
    instantsFromZonedControls(data, [
      { name: 'startedAt', value: '2026-05-04T07:11', timeZone: 'America/Chicago' },
      { name: 'endedAt', value: '2026-01-04T07:11', timeZone: 'Asia/Tokyo' },
    ]);
    expect(data.get('startedAt')).toBe('2026-05-04T12:11:00.000Z');
    expect(data.get('endedAt')).toBe('2026-01-03T22:11:00.000Z');
    expect(data.get('note')).toBe('2026-05-04T07:11'); // not a zoned control: untouched
  });

  it('leaves blank and malformed values for the schema to judge', () => {
    const data = new FormData();
    data.set('a', '');
    data.set('b', 'soon');
    instantsFromZonedControls(data, [
      { name: 'a', value: '', timeZone: 'America/Chicago' },
      { name: 'b', value: 'soon', timeZone: 'America/Chicago' },
    ]);
    expect(data.get('a')).toBe('');
    expect(data.get('b')).toBe('soon');
  });
});
