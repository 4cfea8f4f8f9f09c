import 'server-only';
import { z } from 'zod';
import { auditFacets, listAudit, listMembers, type Member } from '@/db/queries/audit';
import { orgTimeZone } from '@/db/queries/dashboard';
import { projectZonesOf } from '@/db/queries/project-zones';
import { withTenantRead } from '@/db/tenant';
import { describeSystemActor } from '@/lib/audit/actor';
import { auditDateFields } from '@/lib/audit/date-fields';
import { diffLines, type DiffLine } from '@/lib/audit/diff';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { toPage } from '@/lib/pagination/cursor';
import { auditQuerySchema, firstValues, toAuditFilter } from '@/lib/zod/schemas/audit';

export const AUDIT_PAGE_SIZE = 25;

export interface AuditEntry {
  id: string;
  at: Date;
  actorUserId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  lines: DiffLine[];
  ip: string | null;
  /** The zone this entry's times are shown in: its project's, else the organization's. */
  timeZone: string;
  zoneSource: 'site' | 'organization';
}

export type AuditPageData =
  | { kind: 'forbidden' }
  | {
      kind: 'ok';
      /** The filter values as typed, to refill the form. */
      values: Record<string, string | undefined>;
      fieldErrors: Record<string, string[] | undefined>;
      entries: AuditEntry[];
      nextCursor: string | null;
      members: Member[];
      facets: { entityTypes: string[]; actions: string[] };
      timeZone: string;
    };

/**
 * Everything the audit page shows, for one request: permission first (a 403
 * page, not a crash), then the validated filters, then one page of entries.
 * Invalid filters show their errors and no entries (never a silently wider list).
 */
export async function loadAuditPage(
  ctx: TenantContext,
  raw: Record<string, string | string[] | undefined>,
): Promise<AuditPageData> {
  if (!hasPermission(ctx, 'org:audit:read')) return { kind: 'forbidden' };
  const values = firstValues(raw);
  const parsed = auditQuerySchema.safeParse(values);
  return withTenantRead(ctx, async (tx) => {
    const timeZone = await orgTimeZone(tx, ctx.orgId);
    const members = await listMembers(tx, ctx.orgId);
    const facets = await auditFacets(tx, ctx.orgId);
    const names = new Map(members.map((m) => [m.userId, m.name]));
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        kind: 'ok',
        values,
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
        entries: [],
        nextCursor: null,
        members,
        facets,
        timeZone,
      };
    }
    const rows = await listAudit(tx, ctx.orgId, toAuditFilter(parsed.data, timeZone, AUDIT_PAGE_SIZE));
    const page = toPage(rows, AUDIT_PAGE_SIZE);
    const zones = await projectZonesOf(tx, ctx.orgId, page.items);
    return {
      kind: 'ok',
      values,
      fieldErrors: {},
      entries: page.items.map((r) => {
        const site = zones[`${r.entityType}:${r.entityId}`];
        const zone = site ?? timeZone;
        return {
          id: r.id,
          at: r.createdAt,
          actorUserId: r.actorUserId,
          actorName: names.get(r.actorUserId) ?? describeSystemActor(r.actorUserId) ?? r.actorUserId,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          lines: diffLines(r.before, r.after, zone, auditDateFields(r.entityType)),
          ip: r.ip,
          timeZone: zone,
          zoneSource: site ? ('site' as const) : ('organization' as const),
        };
      }),
      nextCursor: page.nextCursor,
      members,
      facets,
      timeZone,
    };
  });
}
