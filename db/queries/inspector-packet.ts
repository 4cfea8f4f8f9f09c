import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { correctiveActions, inspections, rainEvents, violations, violationTypes } from '../schema';
import type { Tx } from '../tenant';

/**
 * A project's records for its inspector packet (lib/retention/inspector-packet.ts). Bounded at
 * PACKET_MAX rows each: a permit's few years of weekly inspections are hundreds, not thousands.
 */
const PACKET_MAX = 5000;

/** Signed inspections (with their record digest) of the project, oldest first. */
export async function packetSignedInspections(tx: Tx, orgId: string, projectId: string) {
  return tx
    .select({ id: inspections.id, type: inspections.type, inspectedAt: inspections.inspectedAt, signedAt: inspections.signedAt, recordSha256: inspections.recordSha256 })
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.projectId, projectId), isNotNull(inspections.signedAt), isNotNull(inspections.recordSha256)))
    .orderBy(asc(inspections.signedAt), asc(inspections.id))
    .limit(PACKET_MAX);
}

/** The corrective-action log: every action of every violation of the project, with its violation. */
export async function packetCorrectiveActions(tx: Tx, orgId: string, projectId: string) {
  return tx
    .select({
      violationId: violations.id,
      violationType: violationTypes.name,
      violationDescription: violations.description,
      location: violations.location,
      foundAt: violations.foundAt,
      deadline: violations.deadline,
      violationStatus: violations.status,
      actionId: correctiveActions.id,
      action: correctiveActions.description,
      actionStatus: correctiveActions.status,
      dueAt: correctiveActions.dueAt,
      startedAt: correctiveActions.startedAt,
      fixedAt: correctiveActions.fixedAt,
      verifiedAt: correctiveActions.verifiedAt,
    })
    .from(violations)
    .innerJoin(violationTypes, and(eq(violationTypes.organizationId, violations.organizationId), eq(violationTypes.id, violations.violationTypeId)))
    .leftJoin(correctiveActions, and(eq(correctiveActions.organizationId, violations.organizationId), eq(correctiveActions.violationId, violations.id)))
    .where(and(eq(violations.organizationId, orgId), eq(violations.projectId, projectId)))
    .orderBy(asc(violations.foundAt), asc(violations.id), asc(correctiveActions.dueAt))
    .limit(PACKET_MAX);
}

/** Rain data of the project: gauge entries and provider readings, oldest first. */
export async function packetRainEvents(tx: Tx, orgId: string, projectId: string) {
  return tx
    .select({ id: rainEvents.id, startedAt: rainEvents.startedAt, endedAt: rainEvents.endedAt, amountInches: rainEvents.amountInches, snowfallInches: rainEvents.snowfallInches, source: rainEvents.source })
    .from(rainEvents)
    .where(and(eq(rainEvents.organizationId, orgId), eq(rainEvents.projectId, projectId)))
    .orderBy(asc(rainEvents.startedAt), asc(rainEvents.id))
    .limit(PACKET_MAX);
}
