import type { ObligationWithProject } from '@/db/queries/obligations';
import type { ObligationKind } from './engine/types';
import { localDate } from './engine/calendar';

export type CalendarStatus = 'overdue' | 'due_today' | 'upcoming' | 'met' | 'met_late';

/** One stored obligation as a page or the API shows it. */
export interface ObligationItem {
  id: string;
  projectId: string;
  projectName: string;
  kind: ObligationKind;
  /** "Routine inspection" */
  label: string;
  part: string;
  /** "Why is this due?" (the engine's sentence, lib/compliance/engine). */
  reason: string;
  opensAt: Date;
  dueAt: Date;
  metAt: Date | null;
  metByKind: 'inspection' | 'corrective_action' | null;
  metById: string | null;
  status: CalendarStatus;
  /** The site's zone: times of this item are shown in it. */
  timeZone: string;
}

const KIND_LABEL: Record<ObligationKind, string> = {
  routine_inspection: 'Routine inspection',
  storm_inspection: 'Storm inspection',
  snowmelt_inspection: 'Snowmelt inspection',
  inspection_report: 'Inspection report',
  routine_maintenance: 'Routine maintenance',
  corrective_action: 'Corrective action',
  noncompliance_oral_report: 'Noncompliance report (oral)',
  noncompliance_written_report: 'Noncompliance report (written)',
};

/**
 * Status at `now` from the stored row: met on time / late is stored, the rest
 * depends on the clock (so it is never stored) and, for "due today", on the
 * site's local date.
 */
export function calendarStatus(
  o: { metAt: Date | null; metLate: boolean; dueAt: Date },
  now: Date,
  timeZone: string,
): CalendarStatus {
  if (o.metAt) return o.metLate ? 'met_late' : 'met';
  if (o.dueAt <= now) return 'overdue';
  return localDate(o.dueAt, timeZone) === localDate(now, timeZone) ? 'due_today' : 'upcoming';
}

export function toItem(r: ObligationWithProject, now: Date, orgTimeZone: string): ObligationItem {
  const o = r.obligation;
  const timeZone = r.projectTimeZone ?? orgTimeZone;
  return {
    id: o.id,
    projectId: o.projectId,
    projectName: r.projectName,
    kind: o.kind,
    label: KIND_LABEL[o.kind],
    part: o.part,
    reason: o.reason,
    opensAt: o.opensAt,
    dueAt: o.dueAt,
    metAt: o.metAt,
    metByKind: o.metByKind,
    metById: o.metById,
    status: calendarStatus(o, now, timeZone),
    timeZone,
  };
}
