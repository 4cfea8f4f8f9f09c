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
};

export type ComplianceSettings = {
  rainThresholdInches: string;
  inspectionDeadlineHours: number;
  retentionYears: number;
  timezone: string;
  businessHoursStart: number;
  businessHoursEnd: number;
  fixedRequiresPhoto: boolean;
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
