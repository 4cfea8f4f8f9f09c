import 'server-only';
import { listSecurityEvents, type SecurityEventKind } from '@/db/queries/security-events';
import { getSecuritySettings, type SecuritySettings } from '@/db/queries/security-settings';
import { withTenantRead, type Tx } from '@/db/tenant';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import {
  DEFAULT_THRESHOLDS,
  evaluateAlerts,
  lookbackStart,
  openAlerts,
  type AlertThresholds,
  type SecurityAlert,
} from './alert-rules';

/** Kinds that can make a critical or warning alert: what the banner reads. */
const BANNER_KINDS: readonly SecurityEventKind[] = ['TENANT_BREACH_ATTEMPT', 'ACCESS_DENIED', 'OFF_HOURS_ACCESS'];

/**
 * Upper bound on the events one evaluation reads. A flood beyond it has long
 * crossed every threshold, so the newest rows are enough to raise the alert.
 */
const MAX_RULE_EVENTS = 2000;

export function thresholdsOf(s: SecuritySettings | null): AlertThresholds {
  if (!s) return DEFAULT_THRESHOLDS;
  return {
    breachAttemptThreshold: s.breachAttemptThreshold,
    breachAttemptWindowMinutes: s.breachAttemptWindowMinutes,
    accessDeniedThreshold: s.accessDeniedThreshold,
    accessDeniedWindowMinutes: s.accessDeniedWindowMinutes,
    offHoursAlertsEnabled: s.offHoursAlertsEnabled,
    timezone: s.timezone,
  };
}

/** Alerts whose last event is after `since`, from the org's events and thresholds. */
export async function alertsSince(
  tx: Tx,
  orgId: string,
  since: Date,
  opts: { kinds?: readonly SecurityEventKind[]; settings?: SecuritySettings | null } = {},
): Promise<{ alerts: SecurityAlert[]; settings: SecuritySettings | null; truncated: boolean }> {
  const settings = opts.settings !== undefined ? opts.settings : await getSecuritySettings(tx, orgId);
  const thresholds = thresholdsOf(settings);
  const events = await listSecurityEvents(tx, orgId, {
    kinds: opts.kinds,
    since: lookbackStart(since, thresholds),
    limit: MAX_RULE_EVENTS,
  });
  const alerts = evaluateAlerts(events, thresholds).filter((a) => a.lastAt > since);
  return { alerts, settings, truncated: events.length === MAX_RULE_EVENTS };
}

export interface OpenAlertSummary {
  critical: number;
  warning: number;
}

/**
 * For the app shell: open critical/warning alerts of the last 24 h not yet
 * marked reviewed, for members who may read them ('org:audit:read'); null for
 * everyone else (and no query is made for them). One transaction, two
 * indexed reads (settings by key, events by (org, kind, created_at)).
 */
export async function openAlertSummary(ctx: TenantContext, now: Date = new Date()): Promise<OpenAlertSummary | null> {
  if (!hasPermission(ctx, 'org:audit:read')) return null;
  return withTenantRead(ctx, (tx) => openAlertSummaryIn(tx, ctx.orgId, now));
}

/** The same summary inside a transaction the caller holds (the shell's one read, lib/shell/shell-facts.ts). */
export async function openAlertSummaryIn(tx: Tx, orgId: string, now: Date = new Date()): Promise<OpenAlertSummary> {
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const { alerts, settings } = await alertsSince(tx, orgId, since, { kinds: BANNER_KINDS });
  const open = openAlerts(alerts, since, settings?.securityAlertsReviewedAt ?? null);
  return {
    critical: open.filter((a) => a.severity === 'critical').length,
    warning: open.filter((a) => a.severity === 'warning').length,
  };
}
