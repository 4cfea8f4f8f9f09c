import { describe, expect, it } from 'vitest';
import { calendarStatus } from './obligation-view';

const at = (s: string) => new Date(s);

describe('calendarStatus', () => {
  const now = at('2026-11-02T20:00:00Z'); // 2:00 PM CST in Chicago, Nov 2
  it('stored met rows keep their on-time / late flag whatever the clock says', () => {
    expect(calendarStatus({ metAt: at('2026-10-01T00:00:00Z'), metLate: false, dueAt: at('2026-10-02T00:00:00Z') }, now, 'UTC')).toBe('met');
    expect(calendarStatus({ metAt: at('2026-10-03T00:00:00Z'), metLate: true, dueAt: at('2026-10-02T00:00:00Z') }, now, 'UTC')).toBe('met_late');
  });
  it('an open row past its deadline is overdue; one at the deadline too', () => {
    expect(calendarStatus({ metAt: null, metLate: false, dueAt: at('2026-11-02T19:59:59Z') }, now, 'UTC')).toBe('overdue');
    expect(calendarStatus({ metAt: null, metLate: false, dueAt: now }, now, 'UTC')).toBe('overdue');
  });
  it('"due today" is the site’s local day, not UTC’s', () => {
    // 11:59 PM CST on Nov 2 is Nov 3 in UTC: still today in Chicago.
    const late = at('2026-11-03T05:59:00Z');
    expect(calendarStatus({ metAt: null, metLate: false, dueAt: late }, now, 'America/Chicago')).toBe('due_today');
    expect(calendarStatus({ metAt: null, metLate: false, dueAt: late }, now, 'UTC')).toBe('upcoming');
    expect(calendarStatus({ metAt: null, metLate: false, dueAt: at('2026-11-03T06:00:00Z') }, now, 'America/Chicago')).toBe('upcoming');
  });
});
