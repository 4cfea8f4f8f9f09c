import 'server-only';
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import {
  auditLog,
  bmpCategories,
  correctiveActions,
  inspections,
  projects,
  violations,
  violationTypes,
} from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getInspection } from './inspections';
import { getProject } from './projects';
import { olderThan, type Cursor } from './keyset';

export type Violation = typeof violations.$inferSelect;
export type ViolationStatus = Violation['status'];
export type ViolationInput = Pick<
  typeof violations.$inferInsert,
  | 'projectId'
  | 'inspectionId'
  | 'violationTypeId'
  | 'bmpCategoryId'
  | 'description'
  | 'location'
  | 'foundAt'
  | 'deadline'
>;

/** The steps of a violation's and a corrective action's work: one at a time. */
type WorkflowStatus = (typeof correctiveActions.$inferSelect)['status'];

/**
 * open → in progress → fixed → verified; one step at a time, and back to open if a fix fails.
 * A `reported` finding leaves its state only by review (db/queries/findings.ts); `dismissed` is final.
 */
export const violationTransitions: Record<ViolationStatus, WorkflowStatus[]> = {
  reported: [],
  open: ['in_progress', 'fixed'],
  in_progress: ['fixed', 'open'],
  fixed: ['verified', 'open'],
  verified: [],
  dismissed: [],
};

/** Statuses that still need work: a violation in one of them past its deadline is overdue. */
export const OPEN_STATUSES: ('open' | 'in_progress')[] = ['open', 'in_progress'];

export interface ViolationFilter {
  projectId?: string;
  status?: ViolationStatus[];
  /** Only open / in-progress violations whose deadline has passed (at `now`). */
  overdue?: boolean;
  now?: Date;
  cursor?: Cursor;
  limit: number;
}

/** Newest first with project and type names; returns limit + 1 rows (lib/pagination toPage). */
export async function listViolations(tx: Tx, orgId: string, f: ViolationFilter) {
  const conds: (SQL | undefined)[] = [
    eq(violations.organizationId, orgId),
    f.projectId ? eq(violations.projectId, f.projectId) : undefined,
    f.status?.length ? inArray(violations.status, f.status) : undefined,
    f.overdue
      ? and(inArray(violations.status, OPEN_STATUSES), lt(violations.deadline, f.now ?? new Date()))
      : undefined,
    olderThan(violations, f.cursor),
  ];
  return tx
    .select({
      violation: violations,
      projectName: projects.name,
      projectTimeZone: projects.timeZone,
      typeName: violationTypes.name,
      severity: violationTypes.severity,
    })
    .from(violations)
    .innerJoin(
      projects,
      and(eq(projects.organizationId, violations.organizationId), eq(projects.id, violations.projectId)),
    )
    .innerJoin(
      violationTypes,
      and(
        eq(violationTypes.organizationId, violations.organizationId),
        eq(violationTypes.id, violations.violationTypeId),
      ),
    )
    .where(and(...conds))
    .orderBy(desc(violations.createdAt), desc(violations.id))
    .limit(f.limit + 1);
}

export async function getViolation(tx: Tx, orgId: string, id: string): Promise<Violation | undefined> {
  const [row] = await tx
    .select()
    .from(violations)
    .where(and(eq(violations.organizationId, orgId), eq(violations.id, id)))
    .limit(1);
  return row;
}

async function ownsReferences(tx: Tx, orgId: string, v: Partial<ViolationInput>): Promise<boolean> {
  const checks: Promise<unknown>[] = [];
  if (v.projectId) checks.push(getProject(tx, orgId, v.projectId));
  if (v.inspectionId) checks.push(getInspection(tx, orgId, v.inspectionId));
  if (v.violationTypeId)
    checks.push(
      tx
        .select({ id: violationTypes.id })
        .from(violationTypes)
        .where(and(eq(violationTypes.organizationId, orgId), eq(violationTypes.id, v.violationTypeId)))
        .then((r) => r[0]),
    );
  if (v.bmpCategoryId)
    checks.push(
      tx
        .select({ id: bmpCategories.id })
        .from(bmpCategories)
        .where(and(eq(bmpCategories.organizationId, orgId), eq(bmpCategories.id, v.bmpCategoryId)))
        .then((r) => r[0]),
    );
  return (await Promise.all(checks)).every(Boolean);
}

/**
 * `undefined` when any referenced id is not this tenant's (the caller answers
 * 404). With an `idempotencyKey` a retried create returns the first request's
 * row and writes no second audit row (keys are per tenant).
 */
export async function createViolation(
  tx: Tx,
  actor: Actor,
  values: ViolationInput & { idempotencyKey?: string; status?: 'reported' | 'open' },
): Promise<Violation | undefined> {
  if (!(await ownsReferences(tx, actor.orgId, values))) return undefined;
  const [row] = await tx
    .insert(violations)
    .values({ ...values, organizationId: actor.orgId, foundBy: actor.userId })
    .onConflictDoNothing({ target: [violations.organizationId, violations.idempotencyKey] })
    .returning();
  if (!row) {
    const [first] = await tx
      .select()
      .from(violations)
      .where(and(eq(violations.organizationId, actor.orgId), eq(violations.idempotencyKey, values.idempotencyKey!)));
    return first;
  }
  await recordAudit(tx, actor, { action: 'create', entityType: 'violation', entityId: row.id, after: row });
  return row;
}

export type ViolationChange =
  { ok: true; violation: Violation } | { ok: false; reason: 'not_found' | 'conflict'; message?: string };

export async function updateViolation(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: Partial<Omit<ViolationInput, 'projectId'>> & { status?: ViolationStatus },
): Promise<ViolationChange> {
  const [before] = await tx
    .select()
    .from(violations)
    .where(and(eq(violations.organizationId, actor.orgId), eq(violations.id, id)))
    .for('update');
  if (!before) return { ok: false, reason: 'not_found' };
  if (!(await ownsReferences(tx, actor.orgId, patch))) return { ok: false, reason: 'not_found' };
  if (patch.status && before.status === 'reported' && patch.status !== before.status) {
    return { ok: false, reason: 'conflict', message: 'This finding is not reviewed yet: confirm or dismiss it first.' };
  }
  if (patch.status && patch.status !== before.status && !(violationTransitions[before.status] as ViolationStatus[]).includes(patch.status)) {
    const from = before.status.replace('_', ' ');
    return {
      ok: false,
      reason: 'conflict',
      message: `${/^[aeiou]/.test(from) ? 'An' : 'A'} ${from} violation cannot move to ${patch.status.replace('_', ' ')}.`,
    };
  }
  const [after] = await tx
    .update(violations)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(violations.organizationId, actor.orgId), eq(violations.id, id)))
    .returning();
  const action = patch.status && patch.status !== before.status ? 'transition' : 'update';
  await recordAudit(tx, actor, { action, entityType: 'violation', entityId: id, before, after });
  return { ok: true, violation: after! };
}

/** One violation with the names a person reads (project, type, BMP category, inspection). */
export async function getViolationDetail(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select({
      violation: violations,
      projectName: projects.name,
      projectTimeZone: projects.timeZone,
      typeName: violationTypes.name,
      severity: violationTypes.severity,
      bmpName: bmpCategories.name,
      inspection: {
        id: inspections.id,
        type: inspections.type,
        inspectedAt: inspections.inspectedAt,
        status: inspections.status,
      },
    })
    .from(violations)
    .innerJoin(
      projects,
      and(eq(projects.organizationId, violations.organizationId), eq(projects.id, violations.projectId)),
    )
    .innerJoin(
      violationTypes,
      and(
        eq(violationTypes.organizationId, violations.organizationId),
        eq(violationTypes.id, violations.violationTypeId),
      ),
    )
    .leftJoin(
      bmpCategories,
      and(eq(bmpCategories.organizationId, violations.organizationId), eq(bmpCategories.id, violations.bmpCategoryId)),
    )
    .leftJoin(
      inspections,
      and(eq(inspections.organizationId, violations.organizationId), eq(inspections.id, violations.inspectionId)),
    )
    .where(and(eq(violations.organizationId, orgId), eq(violations.id, id)))
    .limit(1);
  return row;
}

export interface StatusStep {
  status: ViolationStatus;
  at: Date;
  by: string;
}

/**
 * Who moved a violation to each status and when. The violations row keeps only
 * its current status; the audit log (written in the same transaction as every
 * change) holds each step, so the history can't disagree with what happened.
 */
export async function violationHistory(tx: Tx, orgId: string, id: string): Promise<StatusStep[]> {
  const rows = await tx
    .select({ action: auditLog.action, after: auditLog.after, at: auditLog.createdAt, by: auditLog.actorUserId })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.entityType, 'violation'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  const steps: StatusStep[] = [];
  for (const r of rows) {
    const status = (r.after as { status?: ViolationStatus } | null)?.status;
    if (r.action === 'create') steps.push({ status: status ?? 'open', at: r.at, by: r.by });
    else if (r.action === 'transition' && status) steps.push({ status, at: r.at, by: r.by });
  }
  return steps;
}

export async function listViolationTypes(tx: Tx, orgId: string) {
  return tx
    .select()
    .from(violationTypes)
    .where(eq(violationTypes.organizationId, orgId))
    .orderBy(asc(violationTypes.name));
}

export async function getViolationType(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(violationTypes)
    .where(and(eq(violationTypes.organizationId, orgId), eq(violationTypes.id, id)))
    .limit(1);
  return row;
}

export async function listBmpCategories(tx: Tx, orgId: string) {
  return tx
    .select()
    .from(bmpCategories)
    .where(eq(bmpCategories.organizationId, orgId))
    .orderBy(asc(bmpCategories.name));
}

/** Counts of the dashboard cards: violations and corrective actions still open (open or in progress). */
export async function openWorkCounts(tx: Tx, orgId: string, now = new Date()) {
  const [[v], [a]] = await Promise.all([
    tx
      .select({
        open: count(),
        overdue: count(sql`case when ${violations.deadline} < ${now.toISOString()}::timestamptz then 1 end`),
      })
      .from(violations)
      .where(and(eq(violations.organizationId, orgId), inArray(violations.status, OPEN_STATUSES))),
    tx
      .select({
        open: count(),
        overdue: count(sql`case when ${correctiveActions.dueAt} < ${now.toISOString()}::timestamptz then 1 end`),
      })
      .from(correctiveActions)
      .where(and(eq(correctiveActions.organizationId, orgId), inArray(correctiveActions.status, OPEN_STATUSES))),
  ]);
  return {
    openViolations: v?.open ?? 0,
    overdueViolations: v?.overdue ?? 0,
    openActions: a?.open ?? 0,
    overdueActions: a?.overdue ?? 0,
  };
}

/** The violations recorded from one inspection (type names joined) and their corrective actions: the report's findings. */
export async function listInspectionFindings(tx: Tx, orgId: string, inspectionId: string) {
  const found = await tx
    .select({ violation: violations, typeName: violationTypes.name })
    .from(violations)
    .leftJoin(
      violationTypes,
      and(eq(violationTypes.organizationId, violations.organizationId), eq(violationTypes.id, violations.violationTypeId)),
    )
    .where(and(eq(violations.organizationId, orgId), eq(violations.inspectionId, inspectionId)))
    .orderBy(asc(violations.foundAt), asc(violations.id));
  const actions = found.length
    ? await tx
        .select()
        .from(correctiveActions)
        .where(
          and(
            eq(correctiveActions.organizationId, orgId),
            inArray(
              correctiveActions.violationId,
              found.map((f) => f.violation.id),
            ),
          ),
        )
        .orderBy(asc(correctiveActions.dueAt), asc(correctiveActions.id))
    : [];
  return found.map((f) => ({ ...f, actions: actions.filter((a) => a.violationId === f.violation.id) }));
}
