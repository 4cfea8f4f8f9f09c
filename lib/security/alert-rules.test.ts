import { describe, expect, it } from 'vitest';
import {
  bursts,
  DEFAULT_THRESHOLDS,
  evaluateAlerts,
  isOffHours,
  localDay,
  lookbackStart,
  openAlerts,
  type RuleEvent,
} from './alert-rules';

const T0 = new Date('2026-05-04T14:00:00Z');
let seq = 0;
const ev = (
  kind: string,
  minutes: number,
  userId: string | null = 'user_a',
  ip: string | null = '203.0.113.5',
): RuleEvent => ({
  id: `e${++seq}`,
  kind,
  userId,
  ip,
  createdAt: new Date(T0.getTime() + minutes * 60_000),
});
const probes = (n: number, opts: { every?: number; userId?: string; ip?: string; from?: number } = {}) =>
  Array.from({ length: n }, (_, i) =>
    ev(
      'TENANT_BREACH_ATTEMPT',
      (opts.from ?? 0) + i * (opts.every ?? 1),
      opts.userId ?? 'user_a',
      opts.ip ?? '203.0.113.5',
    ),
  );

describe('bursts', () => {
  it('finds a window with threshold events and merges overlapping windows', () => {
    const list = [0, 1, 2, 3, 4, 5].map((m) => ({ createdAt: new Date(T0.getTime() + m * 60_000) }));
    expect(bursts(list, 3, 10)).toHaveLength(1);
    expect(bursts(list, 3, 10)[0]).toHaveLength(6);
  });

  it('an event exactly M minutes older is outside the window', () => {
    const list = [0, 10].map((m) => ({ createdAt: new Date(T0.getTime() + m * 60_000) }));
    expect(bursts(list, 2, 10)).toEqual([]);
    expect(bursts(list, 2, 11)).toHaveLength(1);
  });

  it('separate bursts stay separate', () => {
    const list = [0, 1, 60, 61].map((m) => ({ createdAt: new Date(T0.getTime() + m * 60_000) }));
    expect(bursts(list, 2, 5).map((b) => b.length)).toEqual([2, 2]);
  });

  it('sorts its input', () => {
    const list = [5, 0, 3].map((m) => ({ createdAt: new Date(T0.getTime() + m * 60_000) }));
    expect(bursts(list, 3, 10)[0]!.map((e) => e.createdAt.getTime())).toEqual(
      [0, 3, 5].map((m) => T0.getTime() + m * 60_000),
    );
  });
});

describe('cross-tenant probing', () => {
  it('N misses by one user within M minutes → one critical alert with every event', () => {
    const alerts = evaluateAlerts(probes(7), DEFAULT_THRESHOLDS);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'cross_tenant_probing',
      severity: 'critical',
      subject: { type: 'user', value: 'user_a' },
      count: 7,
    });
    expect(alerts[0]!.firstAt).toEqual(T0);
  });

  it('N − 1 misses is not an alert (negative)', () => {
    expect(evaluateAlerts(probes(4), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('N misses spread wider than the window is not an alert (negative)', () => {
    expect(evaluateAlerts(probes(5, { every: 3 }), DEFAULT_THRESHOLDS)).toEqual([]); // 0..12 min, window 10
    expect(
      evaluateAlerts(probes(5, { every: 3 }), { ...DEFAULT_THRESHOLDS, breachAttemptWindowMinutes: 13 }),
    ).toHaveLength(1);
  });

  it('counts per user: two users below the threshold each raise nothing', () => {
    const events = [
      ...probes(3, { userId: 'user_a', ip: '198.51.100.1' }),
      ...probes(3, { userId: 'user_b', ip: '198.51.100.2' }),
    ];
    expect(evaluateAlerts(events, DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('one IP probing as several users is its own alert; one user from one IP is not counted twice', () => {
    const shared = [...probes(3, { userId: 'user_a' }), ...probes(3, { userId: 'user_b', from: 0.5 })];
    const alerts = evaluateAlerts(shared, DEFAULT_THRESHOLDS);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subject: { type: 'ip', value: '203.0.113.5' }, count: 6 });
    expect(evaluateAlerts(probes(5), DEFAULT_THRESHOLDS).map((a) => a.subject.type)).toEqual(['user']);
  });

  it('the threshold is the org’s: raised above the count, no alert', () => {
    expect(evaluateAlerts(probes(7), { ...DEFAULT_THRESHOLDS, breachAttemptThreshold: 8 })).toEqual([]);
    expect(evaluateAlerts(probes(2), { ...DEFAULT_THRESHOLDS, breachAttemptThreshold: 2 })).toHaveLength(1);
  });
});

describe('repeated access denied', () => {
  const denied = (n: number, userId = 'user_c') => Array.from({ length: n }, (_, i) => ev('ACCESS_DENIED', i, userId));

  it('N refusals by one user within M minutes → warning', () => {
    const alerts = evaluateAlerts(denied(10), DEFAULT_THRESHOLDS);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'repeated_access_denied',
      severity: 'warning',
      count: 10,
      subject: { value: 'user_c' },
    });
  });

  it('below the threshold, or split over users, nothing', () => {
    expect(evaluateAlerts(denied(9), DEFAULT_THRESHOLDS)).toEqual([]);
    expect(evaluateAlerts([...denied(5, 'user_c'), ...denied(5, 'user_d')], DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('probes and refusals are not counted together', () => {
    expect(
      evaluateAlerts([...probes(3), ...denied(3, 'user_a')], { ...DEFAULT_THRESHOLDS, accessDeniedThreshold: 5 }),
    ).toEqual([]);
  });
});

describe('bulk export and off-hours access', () => {
  it('every bulk export is an info alert', () => {
    const alerts = evaluateAlerts([ev('BULK_EXPORT', 0), ev('BULK_EXPORT', 1)], DEFAULT_THRESHOLDS);
    expect(alerts.map((a) => [a.rule, a.severity])).toEqual([
      ['bulk_export', 'info'],
      ['bulk_export', 'info'],
    ]);
  });

  it('off-hours access: one warning per user per local day', () => {
    const nyc = { ...DEFAULT_THRESHOLDS, timezone: 'America/New_York' };
    // 2026-05-04 02:00 and 03:00 New York (same day), 2026-05-05 02:00 New York (next day), another user.
    const at = (iso: string, userId = 'user_a') => ({ ...ev('OFF_HOURS_ACCESS', 0, userId), createdAt: new Date(iso) });
    const events = [
      at('2026-05-04T06:00:00Z'),
      at('2026-05-04T07:00:00Z'),
      at('2026-05-05T06:00:00Z'),
      at('2026-05-04T06:30:00Z', 'user_b'),
    ];
    const alerts = evaluateAlerts(events, nyc);
    expect(alerts).toHaveLength(3);
    expect(alerts.every((a) => a.severity === 'warning' && a.rule === 'off_hours_access')).toBe(true);
    expect(alerts.find((a) => a.subject.value === 'user_a' && a.count === 2)).toBeDefined();
  });

  it('off-hours alerts can be turned off', () => {
    expect(
      evaluateAlerts([ev('OFF_HOURS_ACCESS', 0)], { ...DEFAULT_THRESHOLDS, offHoursAlertsEnabled: false }),
    ).toEqual([]);
  });

  it('unknown kinds are ignored', () => {
    expect(evaluateAlerts([ev('SOMETHING_ELSE', 0)], DEFAULT_THRESHOLDS)).toEqual([]);
  });
});

describe('ordering and open alerts', () => {
  it('newest first; openAlerts keeps critical/warning after `since` and after the last review', () => {
    const alerts = evaluateAlerts(
      [
        ...probes(5),
        ev('BULK_EXPORT', 30),
        ...Array.from({ length: 10 }, (_, i) => ev('ACCESS_DENIED', 20 + i, 'user_c')),
      ],
      DEFAULT_THRESHOLDS,
    );
    expect(alerts.map((a) => a.rule)).toEqual(['bulk_export', 'repeated_access_denied', 'cross_tenant_probing']);
    expect(openAlerts(alerts, T0, null).map((a) => a.rule)).toEqual(['repeated_access_denied', 'cross_tenant_probing']);
    const reviewed = new Date(T0.getTime() + 10 * 60_000);
    expect(openAlerts(alerts, T0, reviewed).map((a) => a.rule)).toEqual(['repeated_access_denied']);
    expect(openAlerts(alerts, new Date(T0.getTime() + 60 * 60_000), null)).toEqual([]);
  });

  it('lookbackStart covers the widest window', () => {
    expect(lookbackStart(T0, { breachAttemptWindowMinutes: 10, accessDeniedWindowMinutes: 30 })).toEqual(
      new Date(T0.getTime() - 30 * 60_000),
    );
  });
});

describe('isOffHours and localDay', () => {
  const hours = { start: 5, end: 21, timezone: 'America/New_York' };
  it('uses the org’s zone: start inclusive, end exclusive', () => {
    expect(isOffHours(new Date('2026-05-04T09:00:00Z'), hours)).toBe(false); // 05:00 EDT
    expect(isOffHours(new Date('2026-05-04T08:59:00Z'), hours)).toBe(true); // 04:59 EDT
    expect(isOffHours(new Date('2026-05-05T00:59:00Z'), hours)).toBe(false); // 20:59 EDT
    expect(isOffHours(new Date('2026-05-05T01:00:00Z'), hours)).toBe(true); // 21:00 EDT
  });

  it('overnight hours wrap around midnight; equal start and end means no off hours', () => {
    const night = { start: 22, end: 6, timezone: 'UTC' };
    expect(isOffHours(new Date('2026-05-04T23:00:00Z'), night)).toBe(false);
    expect(isOffHours(new Date('2026-05-04T03:00:00Z'), night)).toBe(false);
    expect(isOffHours(new Date('2026-05-04T12:00:00Z'), night)).toBe(true);
    expect(isOffHours(new Date('2026-05-04T12:00:00Z'), { start: 8, end: 8, timezone: 'UTC' })).toBe(false);
  });

  it('reads each org’s own zone at the same instant (the hour formatter is kept per zone)', () => {
    const at = new Date('2026-05-04T13:00:00Z'); // 08:00 CDT, 18:30 IST
    const hours = { start: 7, end: 17 };
    expect(isOffHours(at, { ...hours, timezone: 'America/Chicago' })).toBe(false);
    expect(isOffHours(at, { ...hours, timezone: 'Asia/Kolkata' })).toBe(true);
    expect(isOffHours(at, { ...hours, timezone: 'America/Chicago' })).toBe(false);
    // An unknown zone falls back to UTC (13:00, inside 7–17) instead of throwing.
    expect(isOffHours(at, { start: 14, end: 17, timezone: 'Not/AZone' })).toBe(true);
  });

  it('localDay is the org’s calendar day', () => {
    expect(localDay(new Date('2026-05-04T02:00:00Z'), 'America/New_York')).toBe('2026-05-03');
    expect(localDay(new Date('2026-05-04T02:00:00Z'), 'UTC')).toBe('2026-05-04');
    expect(localDay(new Date('2026-05-04T02:00:00Z'), 'Not/AZone')).toBe('2026-05-04');
  });
});
