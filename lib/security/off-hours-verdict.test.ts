import { beforeEach, describe, expect, it } from 'vitest';
import { offHoursVerdict, resetOffHoursVerdicts, type BusinessHours } from './off-hours-verdict';

const kathmandu: BusinessHours = { start: 7, end: 17, timezone: 'Asia/Kathmandu', enabled: true }; // +05:45

describe('offHoursVerdict (once per org and UTC quarter-hour)', () => {
  beforeEach(() => resetOffHoursVerdicts());

  it('changes at the local hour in a +05:45 zone, even right after a remembered verdict', () => {
    // 06:59:59 local is 01:14:59Z, 07:00 local is 01:15:00Z: the same UTC hour, another quarter-hour.
    expect(offHoursVerdict('org-a', kathmandu, new Date('2026-12-04T01:14:59Z'))).toMatchObject({ off: true, day: '2026-12-04' });
    expect(offHoursVerdict('org-a', kathmandu, new Date('2026-12-04T01:15:00Z'))).toMatchObject({ off: false, day: '2026-12-04' });
  });

  it('changes the local day at local midnight', () => {
    // 23:59 local on the 3rd is 18:14Z, 00:00 on the 4th is 18:15Z.
    expect(offHoursVerdict('org-a', kathmandu, new Date('2026-12-03T18:14:00Z')).day).toBe('2026-12-03');
    expect(offHoursVerdict('org-a', kathmandu, new Date('2026-12-03T18:15:00Z')).day).toBe('2026-12-04');
  });

  it('keeps orgs apart and follows new hours at once', () => {
    const at = new Date('2026-12-04T06:00:00Z'); // 11:45 in Kathmandu, 00:00 in Chicago
    expect(offHoursVerdict('org-a', kathmandu, at).off).toBe(false);
    expect(offHoursVerdict('org-b', { start: 7, end: 17, timezone: 'America/Chicago', enabled: true }, at).off).toBe(true);
    expect(offHoursVerdict('org-a', { ...kathmandu, start: 12 }, at).off).toBe(true);
  });
});
