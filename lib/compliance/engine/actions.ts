/**
 * Clocks that start when a problem is found: routine maintenance (2022 CGP
 * Part 2.1.4), corrective action (Part 5.2) and the 24-hour noncompliance
 * report (Appendix I, Part I.12.6).
 */
import { closeOfNextBusinessDay } from './business-days';
import { addDays, formatter, localDate, zonedInstant } from './calendar';
import { settle, siteTime } from './describe';
import type { ComplianceInput, Finding, Obligation } from './types';

const HOUR = 3_600_000;

/** Minutes after local midnight of instant `at`. */
function minutesOfDay(at: Date, timeZone: string): number {
  const [h, m] = formatter(`hm:${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }))
    .format(at)
    .split(':')
    .map(Number) as [number, number];
  return h * 60 + m;
}

function maintenance(input: ComplianceInput, f: Finding): Obligation {
  const tz = input.timeZone;
  const dueAt = closeOfNextBusinessDay(localDate(f.discoveredAt, tz), input.business, tz);
  return settle(
    {
      kind: 'routine_maintenance',
      part: 'CGP 2022 Part 2.1.4',
      why: `Routine maintenance found ${siteTime(f.discoveredAt, tz)}: complete by the close of the next business day (${siteTime(dueAt, tz)}).`,
      sourceId: f.id,
      opensAt: f.discoveredAt,
      dueAt,
    },
    f.completedAt ? { at: f.completedAt, by: f.id } : null,
    input.now,
  );
}

/**
 * Seven calendar days "from the time of discovery": the same local wall time
 * seven local dates later (so 167 or 169 hours across a DST change). A reason
 * it is infeasible, documented within the seven days, meets this clock and
 * starts a second one at the documented completion date.
 */
function corrective(input: ComplianceInput, f: Finding): Obligation[] {
  const tz = input.timeZone;
  const dueAt = zonedInstant(addDays(localDate(f.discoveredAt, tz), 7), minutesOfDay(f.discoveredAt, tz), tz);
  const why = `Corrective action found ${siteTime(f.discoveredAt, tz)}: complete within 7 calendar days (${siteTime(dueAt, tz)}) or document why that is infeasible.`;
  const base = { kind: 'corrective_action' as const, part: 'CGP 2022 Part 5.2.2', why, sourceId: f.id, opensAt: f.discoveredAt, dueAt };
  const done = f.completedAt ? { at: f.completedAt, by: f.id } : null;
  const inf = f.infeasible;
  if (!inf || (done && done.at <= dueAt) || (done && done.at <= inf.documentedAt)) return [settle(base, done, input.now)];
  return [
    settle(base, { at: inf.documentedAt, by: `${f.id}:infeasible` }, input.now),
    settle(
      {
        ...base,
        why: `Corrective action found ${siteTime(f.discoveredAt, tz)}: infeasible within 7 days (${inf.reason}); complete by the documented date ${siteTime(inf.scheduledBy, tz)}.`,
        opensAt: inf.documentedAt,
        dueAt: inf.scheduledBy,
      },
      done,
      input.now,
    ),
  ];
}

export function findingObligations(input: ComplianceInput): Obligation[] {
  return input.findings.flatMap((f) => (f.kind === 'routine_maintenance' ? [maintenance(input, f)] : corrective(input, f)));
}

/** Noncompliance that may endanger health or the environment: orally within 24 hours, in writing within 5 days (read as 120 hours). */
export function noncomplianceReports(input: ComplianceInput): Obligation[] {
  const tz = input.timeZone;
  return input.noncompliance
    .filter((n) => n.mayEndanger)
    .flatMap((n) => {
      const since = `since becoming aware at ${siteTime(n.awareAt, tz)}`;
      const base = { part: 'CGP 2022 Appendix I, Part I.12.6', sourceId: n.id, opensAt: n.awareAt };
      return [
        settle(
          { ...base, kind: 'noncompliance_oral_report', why: `Noncompliance that may endanger health or the environment: report orally within 24 hours ${since}.`, dueAt: new Date(n.awareAt.getTime() + 24 * HOUR) },
          n.oralReportAt ? { at: n.oralReportAt, by: n.id } : null,
          input.now,
        ),
        settle(
          { ...base, kind: 'noncompliance_written_report', why: `Noncompliance that may endanger health or the environment: written report within 5 days ${since}.`, dueAt: new Date(n.awareAt.getTime() + 120 * HOUR) },
          n.writtenReportAt ? { at: n.writtenReportAt, by: n.id } : null,
          input.now,
        ),
      ];
    });
}
