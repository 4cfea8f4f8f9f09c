/**
 * The table-driven engine suite: each case is a case file (the format of
 * `npm run compliance:explain`, docs/compliance.md) with the obligations of
 * one kind worked out by hand from the permit's rules, and the permit part it
 * checks. A case asserts the exact list of that kind (count, part, deadline,
 * status, what met it), so a missing or extra obligation fails too.
 */
import { expect, it } from 'vitest';
import { parseCase, type CaseFile } from '@/lib/compliance/engine/case-schema';
import { computeObligations } from '@/lib/compliance/engine';
import type { ObligationKind, ObligationStatus } from '@/lib/compliance/engine/types';

interface ExpectedObligation {
  part: string;
  dueAt: string;
  status: ObligationStatus;
  metBy?: string | null;
}

export interface EngineCase {
  name: string;
  /** The permit part the case checks. */
  checks: string;
  input: Partial<CaseFile>;
  kind: ObligationKind;
  expected: ExpectedObligation[];
}

/** A Chicago site on the 7-day option, covered from Monday 2026-06-01. */
const base: CaseFile = {
  timeZone: 'America/Chicago',
  now: '2026-06-03T12:00:00Z',
  schedule: 'every_7_days',
  coverageStart: '2026-06-01',
};

export function runCases(cases: EngineCase[]) {
  for (const c of cases) {
    it(`${c.checks}: ${c.name}`, () => {
      const got = computeObligations(parseCase({ ...base, ...c.input }))
        .filter((o) => o.kind === c.kind)
        .map((o) => ({
          part: o.part,
          dueAt: o.dueAt.toISOString(),
          status: o.status,
          metBy: o.metBy,
        }));
      const want = c.expected.map((e) => ({ metBy: null, ...e, dueAt: new Date(e.dueAt).toISOString() }));
      expect(got).toEqual(want);
    });
  }
}
