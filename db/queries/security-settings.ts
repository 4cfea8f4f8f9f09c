import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { complianceSettings } from '../schema';
import type { Tx } from '../tenant';

/** What the alert rules read: business hours, zone, thresholds (/security edits the thresholds). */
const securitySettingsColumns = {
  timezone: complianceSettings.timezone,
  businessHoursStart: complianceSettings.businessHoursStart,
  businessHoursEnd: complianceSettings.businessHoursEnd,
  breachAttemptThreshold: complianceSettings.breachAttemptThreshold,
  breachAttemptWindowMinutes: complianceSettings.breachAttemptWindowMinutes,
  accessDeniedThreshold: complianceSettings.accessDeniedThreshold,
  accessDeniedWindowMinutes: complianceSettings.accessDeniedWindowMinutes,
  offHoursAlertsEnabled: complianceSettings.offHoursAlertsEnabled,
  securityAlertsReviewedAt: complianceSettings.securityAlertsReviewedAt,
};

export type SecuritySettings = {
  timezone: string;
  businessHoursStart: number;
  businessHoursEnd: number;
  breachAttemptThreshold: number;
  breachAttemptWindowMinutes: number;
  accessDeniedThreshold: number;
  accessDeniedWindowMinutes: number;
  offHoursAlertsEnabled: boolean;
  securityAlertsReviewedAt: Date | null;
};

/** What /security saves; zone and business hours are saved by /settings (db/queries/compliance-settings.ts). */
export type SecuritySettingsInput = Omit<SecuritySettings, 'securityAlertsReviewedAt' | 'timezone' | 'businessHoursStart' | 'businessHoursEnd'>;

/** The org's row, or null when it has none yet (provisioning creates it). */
export async function getSecuritySettings(tx: Tx, orgId: string): Promise<SecuritySettings | null> {
  const [row] = await tx
    .select(securitySettingsColumns)
    .from(complianceSettings)
    .where(eq(complianceSettings.organizationId, orgId));
  return row ?? null;
}

/**
 * Upsert the security knobs; returns the row before and after (for the audit
 * diff). The lock (`for update`) keeps two concurrent saves from auditing the
 * same "before".
 */
export async function saveSecuritySettings(tx: Tx, orgId: string, values: SecuritySettingsInput) {
  const [before] = await tx
    .select(securitySettingsColumns)
    .from(complianceSettings)
    .where(eq(complianceSettings.organizationId, orgId))
    .for('update');
  const [after] = await tx
    .insert(complianceSettings)
    .values({ organizationId: orgId, ...values })
    .onConflictDoUpdate({ target: complianceSettings.organizationId, set: { ...values, updatedAt: sql`now()` } })
    .returning(securitySettingsColumns);
  return { before: before ?? null, after: after! };
}

/** Mark every alert up to `at` as reviewed (the banner then stays quiet until a newer one). */
export async function markSecurityAlertsReviewed(tx: Tx, orgId: string, at: Date) {
  const [before] = await tx
    .select({ securityAlertsReviewedAt: complianceSettings.securityAlertsReviewedAt })
    .from(complianceSettings)
    .where(eq(complianceSettings.organizationId, orgId))
    .for('update');
  if (!before) return null;
  await tx
    .update(complianceSettings)
    .set({ securityAlertsReviewedAt: at, updatedAt: sql`now()` })
    .where(eq(complianceSettings.organizationId, orgId));
  return { before, after: { securityAlertsReviewedAt: at } };
}
