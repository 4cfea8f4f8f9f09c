import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { correctiveActions, inspections, projects, violations, violationTypes } from '../schema';
import type { Tx } from '../tenant';
import { OPEN_STATUSES } from './violations';

/** Rows of the My work screen: each list is short by nature and capped anyway. */
const CAP = 50;

/** Open and in-progress corrective actions assigned to `userId`, soonest due first, with their violation and project. */
export async function correctiveActionsAssignedTo(tx: Tx, orgId: string, userId: string) {
  return tx
    .select({
      id: correctiveActions.id,
      description: correctiveActions.description,
      status: correctiveActions.status,
      dueAt: correctiveActions.dueAt,
      violationId: correctiveActions.violationId,
      projectId: violations.projectId,
      projectName: projects.name,
      projectTimeZone: projects.timeZone,
    })
    .from(correctiveActions)
    .innerJoin(
      violations,
      and(eq(violations.organizationId, correctiveActions.organizationId), eq(violations.id, correctiveActions.violationId)),
    )
    .innerJoin(projects, and(eq(projects.organizationId, violations.organizationId), eq(projects.id, violations.projectId)))
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        eq(correctiveActions.assignedTo, userId),
        inArray(correctiveActions.status, OPEN_STATUSES),
      ),
    )
    .orderBy(asc(correctiveActions.dueAt), asc(correctiveActions.id))
    .limit(CAP);
}

/** Submitted inspections nobody has certified yet: what an inspector or qualified person signs. */
export async function inspectionsAwaitingSignature(tx: Tx, orgId: string) {
  return tx
    .select({
      id: inspections.id,
      type: inspections.type,
      inspectedAt: inspections.inspectedAt,
      inspectorName: inspections.inspectorName,
      projectId: inspections.projectId,
      projectName: projects.name,
      projectTimeZone: projects.timeZone,
    })
    .from(inspections)
    .innerJoin(projects, and(eq(projects.organizationId, inspections.organizationId), eq(projects.id, inspections.projectId)))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.status, 'submitted'), isNull(inspections.signedAt)))
    .orderBy(asc(inspections.updatedAt), asc(inspections.id))
    .limit(CAP);
}

/** Draft inspections `userId` started and left, most recently touched first. */
export async function draftInspectionsBy(tx: Tx, orgId: string, userId: string) {
  return tx
    .select({
      id: inspections.id,
      type: inspections.type,
      updatedAt: inspections.updatedAt,
      projectId: inspections.projectId,
      projectName: projects.name,
      projectTimeZone: projects.timeZone,
    })
    .from(inspections)
    .innerJoin(projects, and(eq(projects.organizationId, inspections.organizationId), eq(projects.id, inspections.projectId)))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.status, 'draft'), eq(inspections.createdBy, userId)))
    .orderBy(desc(inspections.updatedAt), desc(inspections.id))
    .limit(CAP);
}

/** Crew findings waiting for a reviewer (status `reported`), oldest first. */
export async function reportedFindings(tx: Tx, orgId: string) {
  return tx
    .select({
      id: violations.id,
      description: violations.description,
      foundAt: violations.foundAt,
      foundBy: violations.foundBy,
      typeName: violationTypes.name,
      projectId: violations.projectId,
      projectName: projects.name,
      projectTimeZone: projects.timeZone,
    })
    .from(violations)
    .innerJoin(projects, and(eq(projects.organizationId, violations.organizationId), eq(projects.id, violations.projectId)))
    .innerJoin(
      violationTypes,
      and(eq(violationTypes.organizationId, violations.organizationId), eq(violationTypes.id, violations.violationTypeId)),
    )
    .where(and(eq(violations.organizationId, orgId), eq(violations.status, 'reported')))
    .orderBy(asc(violations.foundAt), asc(violations.id))
    .limit(CAP);
}
