import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { siteConditions } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getProject } from './projects';

export type SiteCondition = typeof siteConditions.$inferSelect;
type PeriodKind = Exclude<SiteCondition['kind'], 'snowmelt'>;

/** A project's recorded periods and snowmelt discharges, newest first (few per project by nature; capped anyway). */
export async function listSiteConditions(tx: Tx, orgId: string, projectId: string, limit = 200): Promise<SiteCondition[]> {
  return tx
    .select()
    .from(siteConditions)
    .where(and(eq(siteConditions.organizationId, orgId), eq(siteConditions.projectId, projectId)))
    .orderBy(desc(sql`coalesce(${siteConditions.startsOn}::timestamptz, ${siteConditions.dischargeAt})`), asc(siteConditions.id))
    .limit(limit);
}

async function insertCondition(tx: Tx, actor: Actor, values: Omit<typeof siteConditions.$inferInsert, 'organizationId' | 'recordedBy'>) {
  if (!(await getProject(tx, actor.orgId, values.projectId))) return undefined;
  const [row] = await tx
    .insert(siteConditions)
    .values({ ...values, organizationId: actor.orgId, recordedBy: actor.userId })
    .returning();
  // The audit entry names the project: the door recomputes its obligations before COMMIT (db/obligations-touched.ts).
  await recordAudit(tx, actor, { action: 'create', entityType: 'site_condition', entityId: row!.id, after: row });
  return row;
}

/** A reduced-frequency period (Part 4.4); `undefined` when the project is not this tenant's. */
export function createSitePeriod(
  tx: Tx,
  actor: Actor,
  period: { projectId: string; kind: PeriodKind; startsOn: string; endsOn: string | null; note: string | null },
) {
  return insertCondition(tx, actor, period);
}

/** A snowmelt discharge (Part 4.2.2 / 4.3); `undefined` when the project is not this tenant's. */
export function createSnowmelt(tx: Tx, actor: Actor, snowmelt: { projectId: string; dischargeAt: Date; snowInches: string; note: string | null }) {
  return insertCondition(tx, actor, { ...snowmelt, kind: 'snowmelt' });
}

/** One recorded condition; `undefined` for a missing or another tenant's id. */
export async function getSiteCondition(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(siteConditions)
    .where(and(eq(siteConditions.organizationId, orgId), eq(siteConditions.id, id)))
    .limit(1);
  return row;
}

/**
 * Set a period's last day. `undefined` for a missing or another tenant's id;
 * 'not_a_period' for a snowmelt; 'before_start' for an end before the start.
 */
export async function endSitePeriod(tx: Tx, actor: Actor, id: string, endsOn: string) {
  const before = await getSiteCondition(tx, actor.orgId, id);
  if (!before) return undefined;
  if (before.kind === 'snowmelt') return 'not_a_period' as const;
  if (endsOn < before.startsOn!) return 'before_start' as const;
  const [after] = await tx
    .update(siteConditions)
    .set({ endsOn, updatedAt: new Date() })
    .where(and(eq(siteConditions.organizationId, actor.orgId), eq(siteConditions.id, id)))
    .returning();
  if (!after) return undefined;
  await recordAudit(tx, actor, { action: 'update', entityType: 'site_condition', entityId: id, before, after });
  return after;
}

/** Remove a condition recorded in error; `undefined` for a missing or another tenant's id. */
export async function deleteSiteCondition(tx: Tx, actor: Actor, id: string) {
  const [before] = await tx
    .delete(siteConditions)
    .where(and(eq(siteConditions.organizationId, actor.orgId), eq(siteConditions.id, id)))
    .returning();
  if (!before) return undefined;
  await recordAudit(tx, actor, { action: 'delete', entityType: 'site_condition', entityId: id, before });
  return before;
}

/** The project's conditions as the deadline engine reads them (lib/compliance/recompute-obligations.ts). */
export async function siteConditionsOf(tx: Tx, orgId: string, projectId: string) {
  return tx
    .select({
      id: siteConditions.id,
      kind: siteConditions.kind,
      startsOn: siteConditions.startsOn,
      endsOn: siteConditions.endsOn,
      dischargeAt: siteConditions.dischargeAt,
      snowInches: siteConditions.snowInches,
    })
    .from(siteConditions)
    .where(and(eq(siteConditions.organizationId, orgId), eq(siteConditions.projectId, projectId)));
}
