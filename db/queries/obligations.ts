import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import {
  complianceSettings,
  correctiveActions,
  inspections,
  OSHA_INSPECTION_TYPE_VALUES,
  projectObligations,
  projects,
  rainEvents,
  violations,
} from '../schema';
import type { Tx } from '../tenant';

export type ObligationRow = typeof projectObligations.$inferSelect;
export type ObligationInsert = Omit<typeof projectObligations.$inferInsert, 'organizationId' | 'projectId' | 'id' | 'computedAt'>;

/**
 * Serializes the rewrite of one project's obligations: two writes for the same
 * project (an inspection submitted while a rain event is recorded) recompute
 * one after the other, and the second, reading after the first committed
 * (READ COMMITTED: each statement sees what committed before it began), writes
 * the set that includes both. Held until the transaction ends.
 */
export async function lockProjectObligations(tx: Tx, orgId: string, projectId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`obligations:${orgId}:${projectId}`}, 0))`);
}

/** The project fields the deadline engine reads; `undefined` when the project is not this tenant's. */
export async function obligationProject(tx: Tx, orgId: string, projectId: string) {
  const [project] = await tx
    .select({
      id: projects.id,
      status: projects.status,
      schedule: projects.inspectionSchedule,
      sensitiveWater: projects.sensitiveWater,
      permitStart: projects.permitStart,
      createdAt: projects.createdAt,
      timeZone: projects.timeZone,
    })
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.id, projectId)));
  return project;
}

/** The organization's zone, storm threshold and business calendar (compliance_settings); defaults when unset. */
export async function complianceKnobs(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({
      threshold: complianceSettings.rainThresholdInches,
      timezone: complianceSettings.timezone,
      closedDays: complianceSettings.closedDays,
      observeUsFederalHolidays: complianceSettings.observeUsFederalHolidays,
      closeOfBusinessMinutes: complianceSettings.closeOfBusinessMinutes,
    })
    .from(complianceSettings)
    .where(eq(complianceSettings.organizationId, orgId));
  return {
    timezone: row?.timezone ?? null,
    threshold: Number(row?.threshold ?? 0.25),
    business: {
      closedDays: row?.closedDays ?? [],
      observeUsFederalHolidays: row?.observeUsFederalHolidays ?? false,
      closeOfBusinessMinutes: row?.closeOfBusinessMinutes ?? 17 * 60,
    },
  };
}

/** The project's completed (submitted or published) inspections: what meets inspection obligations. */
export async function completedInspectionsOf(tx: Tx, orgId: string, projectId: string) {
  const rows = await tx
    .select({ id: inspections.id, at: inspections.inspectedAt, signedAt: inspections.signedAt })
    .from(inspections)
    .where(
      and(
        eq(inspections.organizationId, orgId),
        eq(inspections.projectId, projectId),
        inArray(inspections.status, ['submitted', 'published']),
        isNotNull(inspections.inspectedAt),
        // An OSHA checklist is not a stormwater inspection: it never meets a CGP obligation.
        notInArray(inspections.type, [...OSHA_INSPECTION_TYPE_VALUES]),
      ),
    );
  return rows.map((r) => ({ ...r, at: r.at! }));
}

/** The project's rain events with their source (the gauge wins over the provider: lib/compliance/counted-rain.ts). */
export async function rainEventsOf(tx: Tx, orgId: string, projectId: string) {
  return tx
    .select({
      id: rainEvents.id,
      amount: rainEvents.amountInches,
      startedAt: rainEvents.startedAt,
      endedAt: rainEvents.endedAt,
      source: rainEvents.source,
    })
    .from(rainEvents)
    .where(and(eq(rainEvents.organizationId, orgId), eq(rainEvents.projectId, projectId)));
}

/** The project's work items with their kind and when their violation was found (Part 2.1.4 and Part 5.2 clocks). */
export async function correctiveActionsOf(tx: Tx, orgId: string, projectId: string) {
  return tx
    .select({ id: correctiveActions.id, kind: correctiveActions.kind, foundAt: violations.foundAt, fixedAt: correctiveActions.fixedAt })
    .from(correctiveActions)
    .innerJoin(
      violations,
      and(eq(violations.organizationId, correctiveActions.organizationId), eq(violations.id, correctiveActions.violationId)),
    )
    .where(and(eq(correctiveActions.organizationId, orgId), eq(violations.projectId, projectId)));
}

/** The projects of these violations (a corrective action names its violation, not its project). */
export async function projectsOfViolations(tx: Tx, orgId: string, violationIds: string[]): Promise<string[]> {
  if (!violationIds.length) return [];
  const rows = await tx
    .selectDistinct({ projectId: violations.projectId })
    .from(violations)
    .where(and(eq(violations.organizationId, orgId), inArray(violations.id, violationIds)));
  return rows.map((r) => r.projectId);
}

/** Replace one project's obligations with `rows` (call under lockProjectObligations). */
export async function replaceProjectObligations(tx: Tx, orgId: string, projectId: string, rows: ObligationInsert[]) {
  await tx
    .delete(projectObligations)
    .where(and(eq(projectObligations.organizationId, orgId), eq(projectObligations.projectId, projectId)));
  if (rows.length) {
    await tx.insert(projectObligations).values(rows.map((r) => ({ ...r, organizationId: orgId, projectId })));
  }
}

/** Active project ids of the tenant, for a backfill (keyset pages of `limit`). */
export async function activeProjectIds(tx: Tx, orgId: string, f: { after?: string | null; limit: number }): Promise<string[]> {
  const rows = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.status, 'active'), f.after ? gt(projects.id, f.after) : undefined))
    .orderBy(asc(projects.id))
    .limit(f.limit);
  return rows.map((r) => r.id);
}

/** An obligation with the project it belongs to (name and zone for showing it). */
const withProject = {
  obligation: projectObligations,
  projectName: projects.name,
  projectTimeZone: projects.timeZone,
};

const projectJoin = and(eq(projects.organizationId, projectObligations.organizationId), eq(projects.id, projectObligations.projectId));

export type ObligationWithProject = { obligation: ObligationRow; projectName: string; projectTimeZone: string | null };

const INSPECTION_KINDS: ObligationRow['kind'][] = ['routine_inspection', 'storm_inspection', 'snowmelt_inspection'];

/**
 * Open (not yet met) obligations due in [from, to), earliest first — the
 * reminder sweep's query (due soon, overdue; pages with `after`) and the
 * dashboard's list. Served by project_obligations_org_open_due_idx; `limit`
 * bounds the cost.
 */
export async function obligationsDueBetween(
  tx: Tx,
  orgId: string,
  f: { from?: Date; to?: Date; projectId?: string; inspectionsOnly?: boolean; after?: { dueAt: Date; id: string }; limit: number },
): Promise<ObligationWithProject[]> {
  const { after } = f;
  return tx
    .select(withProject)
    .from(projectObligations)
    .innerJoin(projects, projectJoin)
    .where(
      and(
        eq(projectObligations.organizationId, orgId),
        isNull(projectObligations.metAt),
        f.from ? gte(projectObligations.dueAt, f.from) : undefined,
        f.to ? lt(projectObligations.dueAt, f.to) : undefined,
        f.projectId ? eq(projectObligations.projectId, f.projectId) : undefined,
        f.inspectionsOnly ? inArray(projectObligations.kind, INSPECTION_KINDS) : undefined,
        // Keyset: the page after (dueAt, id), in the index's order.
        after
          ? sql`(${projectObligations.dueAt}, ${projectObligations.id}) > (${after.dueAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(projectObligations.dueAt), asc(projectObligations.id))
    .limit(f.limit);
}

/** Met obligations whose deadline fell in [from, to), newest first (the calendar's "met" columns). */
export async function obligationsMetBetween(
  tx: Tx,
  orgId: string,
  f: { from?: Date; to?: Date; late?: boolean; projectId?: string; limit: number },
): Promise<ObligationWithProject[]> {
  return tx
    .select(withProject)
    .from(projectObligations)
    .innerJoin(projects, projectJoin)
    .where(
      and(
        eq(projectObligations.organizationId, orgId),
        f.from ? gte(projectObligations.dueAt, f.from) : undefined,
        f.to ? lt(projectObligations.dueAt, f.to) : undefined,
        isNotNull(projectObligations.metAt),
        f.late === undefined ? undefined : eq(projectObligations.metLate, f.late),
        f.projectId ? eq(projectObligations.projectId, f.projectId) : undefined,
      ),
    )
    .orderBy(desc(projectObligations.dueAt), asc(projectObligations.id))
    .limit(f.limit);
}

/** The project's next open obligation (the earliest deadline not yet met, overdue ones first). */
export async function nextObligationFor(tx: Tx, orgId: string, projectId: string): Promise<ObligationRow | undefined> {
  const [row] = await tx
    .select()
    .from(projectObligations)
    .where(
      and(
        eq(projectObligations.organizationId, orgId),
        eq(projectObligations.projectId, projectId),
        isNull(projectObligations.metAt),
      ),
    )
    .orderBy(asc(projectObligations.dueAt))
    .limit(1);
  return row;
}

/**
 * Open inspection obligations overdue at `now` and due within `soonMs` after
 * it, each counted up to `cap` (so the dashboard's cost does not grow with the
 * tenant: a count of 10,000 overdue rows reads `cap` index entries and shows "cap+").
 */
export async function openInspectionCounts(tx: Tx, orgId: string, now: Date, bounds = { soonMs: 2 * 86_400_000, cap: 100 }) {
  const { soonMs, cap } = bounds;
  const count = async (range: SQL | undefined) => {
    const inner = tx
      .select({ one: sql`1` })
      .from(projectObligations)
      .where(
        and(
          eq(projectObligations.organizationId, orgId),
          isNull(projectObligations.metAt),
          inArray(projectObligations.kind, INSPECTION_KINDS),
          range,
        ),
      )
      .limit(cap)
      .as('capped');
    const [row] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(inner);
    return row?.n ?? 0;
  };
  // Issued together: postgres.js pipelines them on the transaction's connection.
  const [overdue, dueSoon] = await Promise.all([
    count(lt(projectObligations.dueAt, now)),
    count(and(gte(projectObligations.dueAt, now), lte(projectObligations.dueAt, new Date(now.getTime() + soonMs)))),
  ]);
  return { overdue, dueSoon };
}

/**
 * Rain (inches) and completed inspections per local day of `timeZone` since
 * `since`, for the rain vs inspections chart: aggregated in SQL, so the answer
 * is one row per day whatever the tenant's size.
 */
export async function rainAndInspectionsByDay(
  tx: Tx,
  orgId: string,
  f: { since?: Date; timeZone?: string; projectId?: string },
) {
  const { projectId, timeZone = 'UTC' } = f;
  const since = f.since ?? new Date(Date.now() - 30 * 86_400_000);
  // Rows are summed per 15 minutes first (every zone's offset is a multiple of 15 minutes), a cheap
  // bucket; only the buckets become local days. to_char(… at time zone …) on every row was most of
  // this query's time on a tenant of 10,000 projects (bench (j)).
  const bin = (at: typeof rainEvents.startedAt | typeof inspections.inspectedAt) =>
    sql<Date>`date_bin('15 minutes', ${at}, timestamptz '2000-01-01 00:00:00+00')`.as('at');
  const rainBins = tx
    .select({ at: bin(rainEvents.startedAt), inches: sql<string>`sum(${rainEvents.amountInches})`.as('inches') })
    .from(rainEvents)
    .where(
      and(
        eq(rainEvents.organizationId, orgId),
        gte(rainEvents.startedAt, since),
        projectId ? eq(rainEvents.projectId, projectId) : undefined,
      ),
    )
    .groupBy(sql`1`)
    .as('rain_bins');
  const rain = tx
    .select({
      day: sql<string>`to_char(${rainBins.at} at time zone ${timeZone}, 'YYYY-MM-DD')`,
      inches: sql<number>`sum(${rainBins.inches})`.mapWith(Number),
    })
    .from(rainBins)
    .groupBy(sql`1`);
  const doneBins = tx
    .select({ at: bin(inspections.inspectedAt), n: sql<number>`count(*)`.as('n') })
    .from(inspections)
    .where(
      and(
        eq(inspections.organizationId, orgId),
        gte(inspections.inspectedAt, since),
        inArray(inspections.status, ['submitted', 'published']),
        projectId ? eq(inspections.projectId, projectId) : undefined,
      ),
    )
    .groupBy(sql`1`)
    .as('done_bins');
  const done = tx
    .select({
      day: sql<string>`to_char(${doneBins.at} at time zone ${timeZone}, 'YYYY-MM-DD')`,
      n: sql<number>`sum(${doneBins.n})`.mapWith(Number),
    })
    .from(doneBins)
    .groupBy(sql`1`);
  // Both in one flight (postgres.js pipelines a connection's queries issued together).
  const [rainDays, inspectionDays] = await Promise.all([rain, done]);
  return { rain: rainDays, inspections: inspectionDays };
}
