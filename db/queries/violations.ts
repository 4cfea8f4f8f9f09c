import 'server-only';
import { and, asc, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Cursor } from '@/lib/pagination/cursor';
import { bmpCategories, correctiveActions, projects, violations, violationTypes } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getInspection } from './inspections';
import { getProject } from './projects';

export type Violation = typeof violations.$inferSelect;
export type ViolationStatus = Violation['status'];
export type ViolationInput = Pick<
  typeof violations.$inferInsert,
  'projectId' | 'inspectionId' | 'violationTypeId' | 'bmpCategoryId' | 'description' | 'location' | 'foundAt' | 'deadline'
>;

/** open → in progress → fixed → verified; one step at a time, and back to open if a fix fails. */
export const violationTransitions: Record<ViolationStatus, ViolationStatus[]> = {
  open: ['in_progress', 'fixed'],
  in_progress: ['fixed', 'open'],
  fixed: ['verified', 'open'],
  verified: [],
};

export async function listViolations(tx: Tx, orgId: string, f: { projectId?: string; status?: ViolationStatus[]; cursor?: Cursor; limit: number }) {
  const conds: (SQL | undefined)[] = [
    eq(violations.organizationId, orgId),
    f.projectId ? eq(violations.projectId, f.projectId) : undefined,
    f.status?.length ? inArray(violations.status, f.status) : undefined,
    f.cursor
      ? or(lt(violations.createdAt, f.cursor.createdAt), and(eq(violations.createdAt, f.cursor.createdAt), lt(violations.id, f.cursor.id)))
      : undefined,
  ];
  return tx
    .select({ violation: violations, projectName: projects.name, typeName: violationTypes.name })
    .from(violations)
    .innerJoin(projects, and(eq(projects.organizationId, violations.organizationId), eq(projects.id, violations.projectId)))
    .innerJoin(violationTypes, and(eq(violationTypes.organizationId, violations.organizationId), eq(violationTypes.id, violations.violationTypeId)))
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
    checks.push(tx.select({ id: violationTypes.id }).from(violationTypes).where(and(eq(violationTypes.organizationId, orgId), eq(violationTypes.id, v.violationTypeId))).then((r) => r[0]));
  if (v.bmpCategoryId)
    checks.push(tx.select({ id: bmpCategories.id }).from(bmpCategories).where(and(eq(bmpCategories.organizationId, orgId), eq(bmpCategories.id, v.bmpCategoryId))).then((r) => r[0]));
  return (await Promise.all(checks)).every(Boolean);
}

/** `undefined` when any referenced id is not this tenant's (the caller answers 404). */
export async function createViolation(tx: Tx, actor: Actor, values: ViolationInput): Promise<Violation | undefined> {
  if (!(await ownsReferences(tx, actor.orgId, values))) return undefined;
  const [row] = await tx
    .insert(violations)
    .values({ ...values, organizationId: actor.orgId, foundBy: actor.userId })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'violation', entityId: row!.id, after: row });
  return row!;
}

export type ViolationChange = { ok: true; violation: Violation } | { ok: false; reason: 'not_found' | 'conflict'; message?: string };

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
  if (patch.status && patch.status !== before.status && !violationTransitions[before.status].includes(patch.status)) {
    return { ok: false, reason: 'conflict', message: `A ${before.status.replace('_', ' ')} violation cannot move to ${patch.status.replace('_', ' ')}.` };
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

export type CorrectiveAction = typeof correctiveActions.$inferSelect;

export async function listCorrectiveActions(tx: Tx, orgId: string, violationId: string) {
  return tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.violationId, violationId)))
    .orderBy(asc(correctiveActions.createdAt));
}

export async function createCorrectiveAction(
  tx: Tx,
  actor: Actor,
  values: { violationId: string; description: string; assignedTo?: string | null; dueAt: Date },
): Promise<CorrectiveAction | undefined> {
  if (!(await getViolation(tx, actor.orgId, values.violationId))) return undefined;
  const [row] = await tx
    .insert(correctiveActions)
    .values({ ...values, organizationId: actor.orgId, createdBy: actor.userId })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entityType: 'corrective_action', entityId: row!.id, after: row });
  return row!;
}

/** Each step stamps who and when: started, fixed, verified. */
export async function advanceCorrectiveAction(
  tx: Tx,
  actor: Actor,
  id: string,
  to: CorrectiveAction['status'],
): Promise<{ ok: true; action: CorrectiveAction } | { ok: false; reason: 'not_found' | 'conflict'; message?: string }> {
  const [before] = await tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, actor.orgId), eq(correctiveActions.id, id)))
    .for('update');
  if (!before) return { ok: false, reason: 'not_found' };
  if (!violationTransitions[before.status].includes(to)) {
    return { ok: false, reason: 'conflict', message: `Cannot move from ${before.status.replace('_', ' ')} to ${to.replace('_', ' ')}.` };
  }
  const now = new Date();
  const stamp =
    to === 'in_progress' ? { startedAt: now, startedBy: actor.userId }
    : to === 'fixed' ? { fixedAt: now, fixedBy: actor.userId }
    : to === 'verified' ? { verifiedAt: now, verifiedBy: actor.userId }
    : { fixedAt: null, fixedBy: null };
  const [after] = await tx
    .update(correctiveActions)
    .set({ ...stamp, status: to, updatedAt: now })
    .where(and(eq(correctiveActions.organizationId, actor.orgId), eq(correctiveActions.id, id)))
    .returning();
  await recordAudit(tx, actor, { action: 'transition', entityType: 'corrective_action', entityId: id, before, after });
  return { ok: true, action: after! };
}
