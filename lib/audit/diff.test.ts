import { describe, expect, it } from 'vitest';
import { diffLines, fieldLabel, formatValue } from './diff';

describe('audit diff lines', () => {
  it('reads an update as field: old → new, with dates in the org time zone', () => {
    expect(
      diffLines(
        { status: 'open', deadline: '2026-05-04T12:30:00.000Z' },
        { status: 'in_progress', deadline: '2026-05-05T12:30:00.000Z' },
        'America/Chicago',
        new Set(['deadline']),
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

  // Regression: free text that merely looks like an ISO timestamp made formatDateTime throw (RangeError): /audit answered 500.
  it('shows ISO-looking free text as text; only schema date fields become dates', () => {
    const lines = diffLines(
      { findings: 'ok', deadline: '2026-05-04T12:30:00.000Z' },
      { findings: '2026-13-01T00:00:00Z', deadline: '2026-05-05T12:30:00.000Z' },
      'UTC',
      new Set(['deadline']),
    );
    expect(lines).toEqual([
      { field: 'Findings', from: 'ok', to: '2026-13-01T00:00:00Z' },
      { field: 'Deadline', from: 'May 4, 2026, 12:30 PM', to: 'May 5, 2026, 12:30 PM' },
    ]);
    // A valid-looking date in a text field is text too: the schema decides, not the shape.
    expect(diffLines(null, { notes: '2026-05-05T12:30:00.000Z' }, 'UTC', new Set())).toEqual([
      { field: 'Notes', to: '2026-05-05T12:30:00.000Z' },
    ]);
  });

  it('never throws on a value it cannot format', () => {
    expect(formatValue('2026-13-01T00:00:00Z', 'UTC', true)).toBe('2026-13-01T00:00:00Z');
    expect(formatValue('2026-05-05T12:30:00.000Z', 'Not/AZone', true)).toBe('2026-05-05T12:30:00.000Z');
    expect(formatValue(undefined, 'UTC', true)).toBe('—');
    expect(formatValue(BigInt(1) as unknown, 'UTC')).toBe('1');
  });
});
