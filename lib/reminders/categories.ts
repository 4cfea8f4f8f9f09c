import type { ObligationKind } from '@/lib/compliance/engine/types';
import type { Role } from '@/lib/rbac/permissions';
import { can } from '@/lib/rbac/permissions';

/** What a member can choose to be reminded of (the preferences form). */
export type ReminderCategory = 'inspections' | 'reports';

const CATEGORY: Record<ObligationKind, ReminderCategory> = {
  routine_inspection: 'inspections',
  storm_inspection: 'inspections',
  snowmelt_inspection: 'inspections',
  routine_maintenance: 'inspections',
  corrective_action: 'inspections',
  inspection_report: 'reports',
  noncompliance_oral_report: 'reports',
  noncompliance_written_report: 'reports',
};

export const categoryOf = (kind: ObligationKind): ReminderCategory => CATEGORY[kind];

/** Reminders go to the members who can do something about them: those who may record inspections. */
export const receivesReminders = (role: Role): boolean => can(role, 'org:inspections:write');

const LABEL: Record<ObligationKind, string> = {
  routine_inspection: 'Routine inspection',
  storm_inspection: 'Storm inspection',
  snowmelt_inspection: 'Snowmelt inspection',
  routine_maintenance: 'Routine maintenance',
  corrective_action: 'Corrective action',
  inspection_report: 'Inspection report',
  noncompliance_oral_report: 'Noncompliance report (oral)',
  noncompliance_written_report: 'Noncompliance report (written)',
};

export const obligationLabel = (kind: ObligationKind): string => LABEL[kind];
