/**
 * OSHA recordkeeping clocks for a work-related injury or illness (29 CFR Part
 * 1904), as pure functions: no I/O, instants in, instants out. Hour rules are
 * elapsed time; the retention rule is calendar arithmetic in the site's zone.
 * docs/compliance.md ("OSHA incident clocks") says how each part is read.
 */
import { startOfDayIn } from '@/lib/format/when';

export const INCIDENT_OUTCOMES = ['fatality', 'inpatient_hospitalization', 'amputation', 'loss_of_eye', 'other_recordable'] as const;
export type IncidentOutcome = (typeof INCIDENT_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<IncidentOutcome, string> = {
  fatality: 'Fatality',
  inpatient_hospitalization: 'In-patient hospitalization',
  amputation: 'Amputation',
  loss_of_eye: 'Loss of an eye',
  other_recordable: 'Other recordable case',
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface IncidentFacts {
  outcome: IncidentOutcome;
  /** When the work-related incident happened. */
  occurredAt: Date;
  /** When the employer (or any of its agents or employees) learned of the reportable outcome. */
  learnedAt: Date;
  /** When the death, hospitalization, amputation or loss of an eye happened, if later than the incident. */
  outcomeAt?: Date | null;
  /** When it was reported to OSHA, if it has been. */
  reportedAt?: Date | null;
}

export type ReportingClock =
  | { required: false; part: string; reason: string }
  | { required: true; part: string; reason: string; within: string; startsAt: Date; dueAt: Date };

/**
 * 29 CFR 1904.39: report a fatality within 8 hours, an in-patient
 * hospitalization, amputation or loss of an eye within 24 hours — counted from
 * when the employer learned of it (1904.39(a), (b)(7)). Only a death within 30
 * days of the incident, or a hospitalization / amputation / loss of an eye
 * within 24 hours of it, is reportable (1904.39(b)(6)). Other recordable cases
 * have no 1904.39 report.
 */
export function oshaReportingClock(f: IncidentFacts): ReportingClock {
  const outcomeAt = f.outcomeAt ?? f.occurredAt;
  const afterIncident = outcomeAt.getTime() - f.occurredAt.getTime();
  if (f.outcome === 'other_recordable')
    return { required: false, part: '29 CFR 1904.39(a)', reason: 'Not a fatality, in-patient hospitalization, amputation or loss of an eye: no report to OSHA under 1904.39 (record it on the OSHA 300 log).' };
  if (f.outcome === 'fatality') {
    if (afterIncident > 30 * DAY)
      return { required: false, part: '29 CFR 1904.39(b)(6)', reason: 'The death occurred more than 30 days after the incident: not reportable under 1904.39 (still recordable).' };
    return { required: true, part: '29 CFR 1904.39(a)(1)', reason: 'Work-related fatality: report to OSHA within 8 hours of learning of it.', within: '8 hours', startsAt: f.learnedAt, dueAt: new Date(f.learnedAt.getTime() + 8 * HOUR) };
  }
  if (afterIncident > DAY)
    return { required: false, part: '29 CFR 1904.39(b)(6)', reason: `The ${OUTCOME_LABELS[f.outcome].toLowerCase()} occurred more than 24 hours after the incident: not reportable under 1904.39 (still recordable).` };
  return { required: true, part: '29 CFR 1904.39(a)(2)', reason: `${OUTCOME_LABELS[f.outcome]}: report to OSHA within 24 hours of learning of it.`, within: '24 hours', startsAt: f.learnedAt, dueAt: new Date(f.learnedAt.getTime() + DAY) };
}

/** 29 CFR 1904.29(b)(3): enter a recordable case on the OSHA 300 log and 301 form within 7 calendar days of learning of it. */
export function oshaLogEntryDue(f: Pick<IncidentFacts, 'learnedAt'>): { part: string; dueAt: Date } {
  return { part: '29 CFR 1904.29(b)(3)', dueAt: new Date(f.learnedAt.getTime() + 7 * DAY) };
}

/**
 * 29 CFR 1904.33(a): keep the 300 log, the annual summary and the 301 forms
 * for five years following the end of the calendar year the records cover.
 * The year is the incident's, in the site's zone; the records may be discarded
 * from the start of January 1 six years later (retained through December 31
 * of year + 5).
 */
export function oshaRetention(occurredAt: Date, timeZone: string): { part: string; calendarYear: number; retainThrough: string; discardableAt: Date } {
  const year = Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(occurredAt));
  return {
    part: '29 CFR 1904.33(a)',
    calendarYear: year,
    retainThrough: `${year + 5}-12-31`,
    discardableAt: startOfDayIn(`${year + 6}-01-01`, timeZone),
  };
}

export type ClockState =
  | { state: 'not_required' }
  | { state: 'reported'; at: Date; late: boolean }
  | { state: 'due'; dueAt: Date; remainingMs: number }
  | { state: 'overdue'; dueAt: Date; overdueMs: number };

/** Where a reporting clock stands at `now`: reported (on time or late), running, or past due. */
export function clockState(f: IncidentFacts, now: Date): ClockState {
  const clock = oshaReportingClock(f);
  if (!clock.required) return { state: 'not_required' };
  if (f.reportedAt) return { state: 'reported', at: f.reportedAt, late: f.reportedAt > clock.dueAt };
  const left = clock.dueAt.getTime() - now.getTime();
  return left >= 0 ? { state: 'due', dueAt: clock.dueAt, remainingMs: left } : { state: 'overdue', dueAt: clock.dueAt, overdueMs: -left };
}
