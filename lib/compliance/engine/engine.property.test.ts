/**
 * Invariants over generated projects (fast-check): whatever the zone, schedule,
 * periods and storms, the engine answers, its statuses agree with its clocks,
 * and a site inspected every day is never late on a routine inspection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeObligations } from './index';
import { addDays, zonedInstant } from './calendar';
import { parseCase, type CaseFile } from './case-schema';

const zones = ['America/Chicago', 'America/New_York', 'America/Denver', 'America/Phoenix', 'America/Anchorage', 'Pacific/Honolulu', 'Pacific/Guam', 'America/Puerto_Rico'];
const DAY = 86_400_000;
const start = Date.parse('2026-01-01T00:00:00Z');
const day = (n: number) => new Date(start + n * DAY).toISOString().slice(0, 10);

const project = fc.record({
  timeZone: fc.constantFrom(...zones),
  schedule: fc.constantFrom('every_7_days' as const, 'every_14_days_and_storm' as const),
  sensitiveWater: fc.boolean(),
  periods: fc.array(
    fc.record({
      kind: fc.constantFrom('stabilized' as const, 'arid' as const, 'drought' as const, 'frozen_suspended' as const, 'frozen_continuing' as const),
      from: fc.integer({ min: 0, max: 300 }),
      length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  storms: fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 330 * 24 }), hours: fc.integer({ min: 0, max: 96 }), inches: fc.double({ min: 0, max: 3, noNaN: true }) }),
    { maxLength: 8 },
  ),
  inspections: fc.array(fc.integer({ min: 0, max: 330 * 24 }), { maxLength: 40 }),
});

type Project = typeof project extends fc.Arbitrary<infer T> ? T : never;

function toCase(p: Project, inspections: CaseFile['inspections']): CaseFile {
  return {
    timeZone: p.timeZone,
    now: '2026-12-01T00:00:00Z',
    schedule: p.schedule,
    sensitiveWater: p.sensitiveWater,
    coverageStart: '2026-01-01',
    periods: p.periods.map((x) => ({ kind: x.kind, start: day(x.from), end: x.length === null ? null : day(x.from + x.length) })),
    storms: p.storms.map((s, i) => {
      const at = start + s.at * 3_600_000;
      return { id: `s${i}`, startedAt: new Date(at).toISOString(), endedAt: new Date(at + s.hours * 3_600_000).toISOString(), rainInches: Math.round(s.inches * 100) / 100 };
    }),
    inspections,
  };
}

describe('engine invariants', () => {
  it('every status agrees with its clock, and every deadline follows its window', () => {
    fc.assert(
      fc.property(project, (p) => {
        const inspections = p.inspections.map((h, i) => ({ id: `i${i}`, at: new Date(start + h * 3_600_000).toISOString() }));
        const input = parseCase(toCase(p, inspections));
        for (const o of computeObligations(input)) {
          expect(o.dueAt.getTime()).toBeGreaterThan(o.opensAt.getTime());
          expect(o.part).toMatch(/^CGP 2022 /);
          if (o.status === 'met') expect(o.metAt!.getTime()).toBeLessThanOrEqual(o.dueAt.getTime());
          if (o.status === 'met_late') expect(o.metAt!.getTime()).toBeGreaterThan(o.dueAt.getTime());
          if (o.status === 'overdue') expect(o.metAt === null && input.now >= o.dueAt).toBe(true);
          if (o.status === 'upcoming') expect(o.metAt === null && input.now < o.dueAt).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('a site inspected at noon every local day is never late on a routine inspection', () => {
    fc.assert(
      fc.property(project, (p) => {
        const inspections = Array.from({ length: 334 }, (_, n) => {
          const d = addDays('2026-01-01', n);
          return { id: `d${n}`, at: zonedInstant(d, 12 * 60, p.timeZone).toISOString() };
        });
        const routine = computeObligations(parseCase(toCase(p, inspections))).filter((o) => o.kind === 'routine_inspection');
        expect(routine.length).toBeGreaterThan(0);
        for (const o of routine) expect(['met', 'upcoming']).toContain(o.status);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
