import { describe, expect, it } from 'vitest';
import { diffLines, fieldLabel, formatValue } from './diff';

describe('audit diff lines', () => {
  it('reads an update as field: old → new, with dates in the org time zone', () => {
    expect(
      diffLines(
        { status: 'open', deadline: '2026-05-04T12:30:00.000Z' },
        { status: 'in_progress', deadline: '2026-05-05T12:30:00.000Z' },
        'America/Chicago',
      ),
    ).toEqual([
      { field: 'Status', from: 'open', to: 'in progress' },
      { field: 'Deadline', from: 'May 4, 2026, 7:30 AM CDT', to: 'May 5, 2026, 7:30 AM CDT' },
    ]);
  });

  it('reads a create as the new values only, without bookkeeping columns', () => {
    expect(
      diffLines(
        null,
        { id: 'x', organizationId: 'org', description: 'Silt fence down', location: null, updatedAt: 'x' },
        'UTC',
      ),
    ).toEqual([
      { field: 'Description', to: 'Silt fence down' },
      { field: 'Location', to: '—' },
    ]);
  });

  it('labels and formats values', () => {
    expect(fieldLabel('violationTypeId')).toBe('Violation type ID');
    expect(fieldLabel('found_at')).toBe('Found at');
    expect(formatValue(true, 'UTC')).toBe('Yes');
    expect(formatValue({ a: 1 }, 'UTC')).toBe('{"a":1}');
    expect(formatValue('x'.repeat(200), 'UTC')).toHaveLength(158);
  });
});
