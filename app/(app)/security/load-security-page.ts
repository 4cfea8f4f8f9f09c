import 'server-only';
import { z } from 'zod';
import { listMembers, type Member } from '@/db/queries/audit';
import { listSecurityEvents } from '@/db/queries/security-events';
import { getSecuritySettings, type SecuritySettings } from '@/db/queries/security-settings';
import { withTenantRead } from '@/db/tenant';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { openAlerts, type SecurityAlert } from '@/lib/security/alert-rules';
import { alertsSince, thresholdsOf } from '@/lib/security/load-alerts';
import { recordSecurityEvent } from '@/lib/security/record-miss';
import { securityQuerySchema } from '@/lib/zod/schemas/security';

export const SECURITY_EVENTS_LIMIT = 100;

export interface SecurityEventRow {
  id: string;
  kind: string;
  severity: string;
  userId: string | null;
  userName: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export interface SecurityAlertView extends SecurityAlert {
  subjectName: string;
  open: boolean;
}

export type SecurityPageData =
  | { kind: 'forbidden' }
  | {
      kind: 'ok';
      values: Record<string, string | undefined>;
      fieldErrors: Record<string, string[] | undefined>;
      days: number;
      alerts: SecurityAlertView[];
      events: SecurityEventRow[];
      /** More events matched than are shown. */
      more: boolean;
      members: Member[];
      settings: Omit<SecuritySettings, 'securityAlertsReviewedAt'> & { securityAlertsReviewedAt: Date | null };
      canManage: boolean;
      timeZone: string;
    };

function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/**
 * Everything /security shows: readable by 'org:audit:read' (security events
 * are part of the audit trail; owners and admins hold it), the settings form
 * editable by 'org:settings:manage'. A refused visit is itself recorded as
 * ACCESS_DENIED. Alerts are derived over the chosen period; events are listed
 * with the filters, newest first.
 */
export async function loadSecurityPage(
  ctx: TenantContext,
  raw: Record<string, string | string[] | undefined>,
  now: Date = new Date(),
): Promise<SecurityPageData> {
  if (!hasPermission(ctx, 'org:audit:read')) {
    await recordSecurityEvent(ctx, 'ACCESS_DENIED', { page: '/security', permission: 'org:audit:read' });
    return { kind: 'forbidden' };
  }
  const values = firstValues(raw);
  const parsed = securityQuerySchema.safeParse(values);
  const fieldErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const query = parsed.success ? parsed.data : null;
  const days = query?.days ?? 7;
  const since = new Date(now.getTime() - days * 86_400_000);

  return withTenantRead(ctx, async (tx) => {
    const settingsRow = await getSecuritySettings(tx, ctx.orgId);
    const members = await listMembers(tx, ctx.orgId);
    const { alerts } = await alertsSince(tx, ctx.orgId, since, { settings: settingsRow });
    const events = query
      ? await listSecurityEvents(tx, ctx.orgId, {
          kind: query.kind,
          userId: query.user,
          since,
          limit: SECURITY_EVENTS_LIMIT + 1,
        })
      : [];
    const names = new Map(members.map((m) => [m.userId, m.name]));
    const reviewedAt = settingsRow?.securityAlertsReviewedAt ?? null;
    const open = new Set(openAlerts(alerts, new Date(now.getTime() - 86_400_000), reviewedAt).map((a) => a.key));
    const t = thresholdsOf(settingsRow);
    return {
      kind: 'ok',
      values,
      fieldErrors,
      days,
      alerts: alerts.map((a) => ({
        ...a,
        subjectName: a.subject.type === 'user' ? (names.get(a.subject.value) ?? a.subject.value) : a.subject.value,
        open: open.has(a.key),
      })),
      events: events.slice(0, SECURITY_EVENTS_LIMIT).map((e) => ({
        id: e.id,
        kind: e.kind,
        severity: e.severity,
        userId: e.userId,
        userName: e.userId ? (names.get(e.userId) ?? null) : null,
        ip: e.ip,
        details: (e.details ?? {}) as Record<string, unknown>,
        at: e.createdAt,
      })),
      more: events.length > SECURITY_EVENTS_LIMIT,
      members,
      settings: {
        ...t,
        businessHoursStart: settingsRow?.businessHoursStart ?? 5,
        businessHoursEnd: settingsRow?.businessHoursEnd ?? 21,
        securityAlertsReviewedAt: reviewedAt,
      },
      canManage: hasPermission(ctx, 'org:settings:manage'),
      timeZone: t.timezone,
    };
  });
}
