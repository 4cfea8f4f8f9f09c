import { describe, expect, it } from 'vitest';
import { usFederalHolidays } from './business-days';

describe('usFederalHolidays (5 U.S.C. 6103, observed as federal offices close)', () => {
  it('2026, from the calendar: Jul 4 is a Saturday so Friday Jul 3 is observed', () => {
    expect(usFederalHolidays(2026)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
      '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ]);
  });
  it('2027: Jun 19 and Dec 25 on Saturdays, Jul 4 on a Sunday; Jan 1 2028 (Saturday) is observed Dec 31', () => {
    expect(usFederalHolidays(2027)).toEqual([
      '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05',
      '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31',
    ]);
  });
});
