import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { complianceSettings } from '../schema';
import type { Tx } from '../tenant';

/** What /settings edits: the compliance rules and the organization's clock (zone, business hours). */
const columns = {
  rainThresholdInches: complianceSettings.rainThresholdInches,
  inspectionDeadlineHours: complianceSettings.inspectionDeadlineHours,
  retentionYears: complianceSettings.retentionYears,
  timezone: complianceSettings.timezone,
  businessHoursStart: complianceSettings.businessHoursStart,
  businessHoursEnd: complianceSettings.businessHoursEnd,
  fixedRequiresPhoto: complianceSettings.fixedRequiresPhoto,
  failedBmpRequiresPhoto: complianceSettings.failedBmpRequiresPhoto,
};

export type ComplianceSettings = {
  rainThresholdInches: string;
  inspectionDeadlineHours: number;
  retentionYears: number;
  timezone: string;
  businessHoursStart: number;
  businessHoursEnd: number;
  fixedRequiresPhoto: boolean;
  failedBmpRequiresPhoto: boolean;
};

export async function getComplianceSettings(tx: Tx, orgId: string): Promise<ComplianceSettings | null> {
  const [row] = await tx.select(columns).from(complianceSettings).where(eq(complianceSettings.organizationId, orgId));
  return row ?? null;
}

/** Upsert; the row before (locked) and after, for the audit diff. */
export async function saveComplianceSettings(tx: Tx, orgId: string, values: ComplianceSettings) {
  const [before] = await tx.select(columns).from(complianceSettings).where(eq(complianceSettings.organizationId, orgId)).for('update');
  const [after] = await tx
    .insert(complianceSettings)
    .values({ organizationId: orgId, ...values })
    .onConflictDoUpdate({ target: complianceSettings.organizationId, set: { ...values, updatedAt: sql`now()` } })
    .returning(columns);
  return { before: before ?? null, after: after! };
}

/** The business calendar of the deadline engine (docs/compliance.md, readings 6–7). */
export interface BusinessCalendarSettings {
  closedDays: string[];
  observeUsFederalHolidays: boolean;
  closeOfBusinessMinutes: number;
}

const calendarColumns = {
  closedDays: complianceSettings.closedDays,
  observeUsFederalHolidays: complianceSettings.observeUsFederalHolidays,
  closeOfBusinessMinutes: complianceSettings.closeOfBusinessMinutes,
};

/** The organization's business calendar; the defaults (Mon–Fri, no holidays closed, 17:00) when it has no settings row. */
export async function getBusinessCalendar(tx: Tx, orgId: string): Promise<BusinessCalendarSettings> {
  const [row] = await tx.select(calendarColumns).from(complianceSettings).where(eq(complianceSettings.organizationId, orgId));
  return row ?? { closedDays: [], observeUsFederalHolidays: false, closeOfBusinessMinutes: 17 * 60 };
}

/**
 * Save the business calendar; the row before (locked) and after, for the
 * audit diff. `undefined` when the organization has no settings row yet (it
 * is made at provisioning; the page saves the compliance rules first).
 */
export async function saveBusinessCalendar(tx: Tx, orgId: string, values: BusinessCalendarSettings) {
  const [before] = await tx.select(calendarColumns).from(complianceSettings).where(eq(complianceSettings.organizationId, orgId)).for('update');
  if (!before) return undefined;
  const [after] = await tx
    .update(complianceSettings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(complianceSettings.organizationId, orgId))
    .returning(calendarColumns);
  return { before, after: after! };
}
