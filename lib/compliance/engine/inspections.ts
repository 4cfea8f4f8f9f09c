/**
 * Routine, storm and snowmelt inspections (2022 CGP Parts 4.2, 4.3, 4.4) and
 * the inspection report clock (Part 4.7.1).
 */
import { endOfDay, localDate, zonedInstant, type LocalDate } from './calendar';
import { settle, siteTime } from './describe';
import { boundaries, regimeOn } from './regime';
import type { ComplianceInput, InspectionRecord, Obligation } from './types';

const HOUR = 3_600_000;

/** The first inspection after `at` in a list sorted by time (binary search: histories run to hundreds). */
function firstAfter(list: InspectionRecord[], at: Date): InspectionRecord | null {
  const t = at.getTime();
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at.getTime() > t) hi = mid;
    else lo = mid + 1;
  }
  return list[lo] ?? null;
}

/**
 * The chain of routine inspections from coverage start: each one is due by the
 * end of the last local day the regime allows after the previous inspection.
 * A regime change before that day can only pull the deadline earlier
 * (counting the new rule from the change), never push it later.
 */
export function routineInspections(input: ComplianceInput, inspections: InspectionRecord[]): Obligation[] {
  const tz = input.timeZone;
  const out: Obligation[] = [];
  let anchor: { day: LocalDate; at: Date; what: string } = {
    day: input.coverageStart,
    at: zonedInstant(input.coverageStart, 0, tz),
    what: `coverage start (${input.coverageStart})`,
  };
  for (let guard = 0; guard < 10_000; guard++) {
    const next = firstAfter(inspections, anchor.at);
    const regime = regimeOn(input, anchor.day);
    let lastDay = regime.lastDay(anchor.day);
    let part = regime.part;
    let label = regime.label;
    let cut: LocalDate | null = null;
    if (lastDay !== null) {
      for (const b of boundaries(input, anchor.day, lastDay)) {
        if (b > lastDay) break;
        const after = regimeOn(input, b);
        const capped = after.lastDay(b);
        if (capped === null) {
          cut = b;
          break;
        }
        if (capped < lastDay) [lastDay, part, label] = [capped, after.part, `${after.label}, from ${b}`];
      }
    }
    if (lastDay !== null && cut !== null && next && next.at < zonedInstant(cut, 0, tz)) {
      // Inspected before the suspension began: that inspection met this one.
      out.push(routine(input, part, label, lastDay, anchor, next));
      anchor = { day: localDate(next.at, tz), at: next.at, what: `the inspection of ${siteTime(next.at, tz)}` };
      continue;
    }
    if (lastDay === null || cut !== null) {
      // Suspended (Part 4.4.3): nothing is due until the regime allows a deadline again.
      const resume = resumeDay(input, cut ?? anchor.day);
      if (resume === null && !next) return out;
      const resumeAt = resume === null ? null : zonedInstant(resume, 0, tz);
      if (next && (resumeAt === null || next.at < resumeAt)) {
        anchor = { day: localDate(next.at, tz), at: next.at, what: `the inspection of ${siteTime(next.at, tz)}` };
      } else if (resume !== null && resumeAt !== null) {
        anchor = { day: resume, at: resumeAt, what: `the end of the frozen-conditions suspension (${resume})` };
      }
      continue;
    }
    out.push(routine(input, part, label, lastDay, anchor, next));
    if (!next) return out;
    anchor = { day: localDate(next.at, tz), at: next.at, what: `the inspection of ${siteTime(next.at, tz)}` };
  }
  return out;
}

function routine(
  input: ComplianceInput,
  part: string,
  label: string,
  lastDay: LocalDate,
  anchor: { at: Date; what: string },
  next: InspectionRecord | null,
): Obligation {
  return settle(
    {
      kind: 'routine_inspection',
      part,
      why: `Routine inspection (${label}): due by the end of ${lastDay}, counted from ${anchor.what}.`,
      sourceId: null,
      opensAt: anchor.at,
      dueAt: endOfDay(lastDay, input.timeZone),
    },
    next ? { at: next.at, by: next.id } : null,
    input.now,
  );
}

/** The first day on or after `day` whose regime is not suspended (null: suspended with no recorded end). */
function resumeDay(input: ComplianceInput, day: LocalDate): LocalDate | null {
  let d = day;
  for (let guard = 0; guard < 5_000; guard++) {
    if (regimeOn(input, d).lastDay(d) !== null) return d;
    const ahead = boundaries(input, d, '9999-12-31')[0];
    if (!ahead) return null;
    d = ahead;
  }
  return null;
}

/** The first inspection in [opensAt, dueAt], or else the first one after opensAt (late). */
function meetingInspection(inspections: InspectionRecord[], opensAt: Date): { at: Date; by: string } | null {
  const i = inspections.find((x) => x.at >= opensAt);
  return i ? { at: i.at, by: i.id } : null;
}

/**
 * Storm inspections: within 24 hours of a storm of at least the threshold
 * (Part 4.2.2; Part 4.3 with either option; Part 4.4.2 in dry periods). A storm
 * longer than 24 hours is read as the permit's multi-day storm: one inspection
 * within 24 hours of its first day and one within 24 hours of its end.
 */
export function stormInspections(input: ComplianceInput, inspections: InspectionRecord[]): Obligation[] {
  const tz = input.timeZone;
  const out: Obligation[] = [];
  for (const s of input.storms) {
    if (s.rainInches < input.rainThresholdInches) continue;
    const multiDay = s.endedAt.getTime() - s.startedAt.getTime() > 24 * HOUR;
    // Unrecorded, the threshold is taken as reached when the total is known: at the end of a
    // storm, or at the end of the first 24 hours of a longer one (docs/compliance.md).
    const occurs = s.thresholdReachedAt ?? (multiDay ? new Date(s.startedAt.getTime() + 24 * HOUR) : s.endedAt);
    const part = regimeOn(input, localDate(occurs, tz)).stormPart;
    if (!part) continue;
    const amount = `${s.rainInches} in of rain (threshold ${input.rainThresholdInches} in)`;
    const firstDue = new Date(occurs.getTime() + 24 * HOUR);
    out.push(
      settle(
        {
          kind: 'storm_inspection',
          part,
          why: multiDay
            ? `Storm of ${amount} from ${siteTime(s.startedAt, tz)}: inspect within 24 hours of its first day.`
            : `Storm of ${amount} ending ${siteTime(s.endedAt, tz)}: inspect within 24 hours.`,
          sourceId: s.id,
          opensAt: occurs,
          dueAt: firstDue,
        },
        meetingInspection(inspections, occurs),
        input.now,
      ),
    );
    if (!multiDay) continue;
    const endPart = regimeOn(input, localDate(s.endedAt, tz)).stormPart;
    out.push(
      settle(
        {
          kind: 'storm_inspection',
          part: endPart ?? part,
          why: `Multi-day storm of ${amount} ended ${siteTime(s.endedAt, tz)}: inspect within 24 hours of its end.`,
          sourceId: s.id,
          opensAt: s.endedAt,
          dueAt: new Date(s.endedAt.getTime() + 24 * HOUR),
        },
        meetingInspection(inspections, s.endedAt),
        input.now,
      ),
    );
  }
  return out;
}

/** Within 24 hours of a discharge from snowmelt of a snowfall of at least the snow threshold (Parts 4.2.2, 4.3). */
export function snowmeltInspections(input: ComplianceInput, inspections: InspectionRecord[]): Obligation[] {
  const tz = input.timeZone;
  return input.snowmelts
    .filter((m) => m.snowInches >= input.snowThresholdInches)
    .flatMap((m) => {
      const part = regimeOn(input, localDate(m.dischargeAt, tz)).stormPart;
      if (!part) return [];
      return [
        settle(
          {
            kind: 'snowmelt_inspection',
            part,
            why: `Snowmelt discharge at ${siteTime(m.dischargeAt, tz)} from ${m.snowInches} in of snow (threshold ${input.snowThresholdInches} in): inspect within 24 hours.`,
            sourceId: m.id,
            opensAt: m.dischargeAt,
            dueAt: new Date(m.dischargeAt.getTime() + 24 * HOUR),
          },
          meetingInspection(inspections, m.dischargeAt),
          input.now,
        ),
      ];
    });
}

/** Part 4.7.1: the report of every inspection is complete within 24 hours of the inspection. */
export function inspectionReports(input: ComplianceInput, inspections: InspectionRecord[]): Obligation[] {
  return inspections.map((i) =>
    settle(
      {
        kind: 'inspection_report',
        part: 'CGP 2022 Part 4.7.1',
        why: `Report of the inspection of ${siteTime(i.at, input.timeZone)}: complete within 24 hours.`,
        sourceId: i.id,
        opensAt: i.at,
        dueAt: new Date(i.at.getTime() + 24 * HOUR),
      },
      i.reportCompletedAt ? { at: i.reportCompletedAt, by: i.id } : null,
      input.now,
    ),
  );
}
