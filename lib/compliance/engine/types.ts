/**
 * What the deadline engine reads (one project's schedule, site conditions and
 * history) and what it answers (obligations, each with its window, deadline
 * and the permit part that makes it due). docs/compliance.md documents both.
 */
import type { BusinessCalendar } from './business-days';
import type { LocalDate } from './calendar';

type Schedule = 'every_7_days' | 'every_14_days_and_storm';

/** A recorded period of reduced inspection frequency (2022 CGP Part 4.4), local dates, `end` inclusive. */
export interface ReducedPeriod {
  kind: 'stabilized' | 'arid' | 'drought' | 'frozen_suspended' | 'frozen_continuing';
  start: LocalDate;
  /** Last day of the period; null while it lasts. */
  end: LocalDate | null;
}

interface Storm {
  id: string;
  startedAt: Date;
  endedAt: Date;
  rainInches: number;
  /** When the gauge total reached the threshold, if recorded. */
  thresholdReachedAt?: Date | null;
}

interface Snowmelt {
  id: string;
  /** When runoff from the melt started to discharge from the site. */
  dischargeAt: Date;
  /** Snowfall of the storm that melted. */
  snowInches: number;
}

export interface InspectionRecord {
  id: string;
  /** When the inspection was completed. */
  at: Date;
  reportCompletedAt: Date | null;
}

export interface Finding {
  id: string;
  /** Routine maintenance (Part 2.1.4) or a condition needing a new or replacement control or significant repair (Part 5.1). */
  kind: 'routine_maintenance' | 'corrective_action';
  discoveredAt: Date;
  completedAt: Date | null;
  /** Part 5.2.2: a documented reason 7 days is infeasible, and the schedule for the work. */
  infeasible?: { documentedAt: Date; reason: string; scheduledBy: Date } | null;
}

interface Noncompliance {
  id: string;
  /** When the operator became aware of it. */
  awareAt: Date;
  /** Noncompliance that may endanger health or the environment (Appendix I, Part I.12.6). */
  mayEndanger: boolean;
  oralReportAt: Date | null;
  writtenReportAt: Date | null;
}

export interface ComplianceInput {
  timeZone: string;
  now: Date;
  schedule: Schedule;
  /** Discharges to sediment- or nutrient-impaired waters, or Tier 2, 2.5 or 3 waters (Part 4.3). */
  sensitiveWater: boolean;
  /** Local date permit coverage (and construction) starts. */
  coverageStart: LocalDate;
  rainThresholdInches: number;
  snowThresholdInches: number;
  business: BusinessCalendar;
  periods: ReducedPeriod[];
  storms: Storm[];
  snowmelts: Snowmelt[];
  inspections: InspectionRecord[];
  findings: Finding[];
  noncompliance: Noncompliance[];
}

export type ObligationKind =
  | 'routine_inspection'
  | 'storm_inspection'
  | 'snowmelt_inspection'
  | 'inspection_report'
  | 'routine_maintenance'
  | 'corrective_action'
  | 'noncompliance_oral_report'
  | 'noncompliance_written_report';

export type ObligationStatus = 'upcoming' | 'overdue' | 'met' | 'met_late';

export interface Obligation {
  kind: ObligationKind;
  /** The 2022 CGP part that makes it due, e.g. "CGP 2022 Part 4.2.2". */
  part: string;
  /** "Why is this due?" in one sentence, dates in the site's zone. */
  why: string;
  /** The record or event it comes from (inspection, storm, finding…). */
  sourceId: string | null;
  opensAt: Date;
  dueAt: Date;
  status: ObligationStatus;
  metAt: Date | null;
  metBy: string | null;
}
