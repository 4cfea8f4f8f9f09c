import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { correctiveActions, formSubmissions, inspections, OSHA_INSPECTION_TYPE_VALUES, projects, violations, violationTypes } from '../schema';
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

/**
 * The OSHA checklists' due rules (lib/compliance/osha-checklists.ts) per active
 * project: the projects (name order, capped; one when `projectId` is given) and
 * the daily / weekly checklists on them submitted since `at` and not returned (the
 * start of the current local week is early enough for both rules).
 */
export async function oshaChecklistsSince(tx: Tx, orgId: string, at: Date, projectId?: string) {
  const sites = await tx
    .select({ id: projects.id, name: projects.name, timeZone: projects.timeZone })
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.status, 'active'), projectId ? eq(projects.id, projectId) : undefined))
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(CAP);
  // When each was submitted (not its form's date, which has no time): "before work" is about the instant.
  const done = sites.length
    ? await tx
        .select({ id: inspections.id, projectId: inspections.projectId, type: inspections.type, submittedAt: formSubmissions.submittedAt })
        .from(inspections)
        .innerJoin(
          formSubmissions,
          and(eq(formSubmissions.organizationId, inspections.organizationId), eq(formSubmissions.inspectionId, inspections.id)),
        )
        .where(
          and(
            eq(inspections.organizationId, orgId),
            inArray(inspections.projectId, sites.map((p) => p.id)),
            inArray(inspections.type, [...OSHA_INSPECTION_TYPE_VALUES]),
            inArray(inspections.status, ['submitted', 'published']),
            gte(formSubmissions.submittedAt, at),
          ),
        )
        .limit(CAP * 14)
    : [];
  return { sites, done };
}
