import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { complianceSettings, projects, rainEvents } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

/** The tenant's active projects the weather provider can be asked about (coordinates recorded). */
export async function listWeatherSites(tx: Tx, orgId: string) {
  return tx
    .select({
      id: projects.id,
      latitude: projects.latitude,
      longitude: projects.longitude,
      timeZone: sql<string>`coalesce(${projects.timeZone}, ${complianceSettings.timezone}, 'America/New_York')`,
    })
    .from(projects)
    .leftJoin(complianceSettings, eq(complianceSettings.organizationId, projects.organizationId))
    .where(and(eq(projects.organizationId, orgId), eq(projects.status, 'active'), isNotNull(projects.latitude), isNotNull(projects.longitude)));
}

export interface ProviderReading {
  /** Local date of the site; the idempotency key names it, so a day is stored once per project. */
  localDate: string;
  startedAt: Date;
  endedAt: Date;
  amountInches: string;
  snowfallInches: string | null;
}

const readingKey = (projectId: string, localDate: string) => `weather:${projectId}:${localDate}`;

/**
 * Store one provider day as a rain event with source `weather_service`, next
 * to the gauge entries (lib/compliance/counted-rain.ts decides which one
 * counts). A day already stored is only ever raised: a later, lower answer for
 * the same day leaves the higher reading (and any storm obligation it made).
 * Returns what happened, for the job's log; undefined when the project is not this tenant's.
 */
export async function recordProviderReading(tx: Tx, actor: Actor, projectId: string, reading: ProviderReading): Promise<'created' | 'raised' | 'unchanged' | undefined> {
  const [project] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organizationId, actor.orgId), eq(projects.id, projectId)));
  if (!project) return undefined;
  const key = readingKey(projectId, reading.localDate);
  const [created] = await tx
    .insert(rainEvents)
    .values({
      organizationId: actor.orgId,
      projectId,
      amountInches: reading.amountInches,
      snowfallInches: reading.snowfallInches,
      startedAt: reading.startedAt,
      endedAt: reading.endedAt,
      source: 'weather_service',
      recordedBy: actor.userId,
      idempotencyKey: key,
    })
    .onConflictDoNothing({ target: [rainEvents.organizationId, rainEvents.idempotencyKey] })
    .returning();
  if (created) {
    await recordAudit(tx, actor, { action: 'create', entityType: 'rain_event', entityId: created.id, after: created });
    return 'created';
  }
  const [before] = await tx
    .select()
    .from(rainEvents)
    .where(and(eq(rainEvents.organizationId, actor.orgId), eq(rainEvents.idempotencyKey, key), eq(rainEvents.projectId, projectId)));
  if (!before) return 'unchanged';
  const higherRain = Number(reading.amountInches) > Number(before.amountInches);
  const higherSnow = reading.snowfallInches !== null && Number(reading.snowfallInches) > Number(before.snowfallInches ?? -1);
  if (!higherRain && !higherSnow) return 'unchanged';
  const [after] = await tx
    .update(rainEvents)
    .set({
      amountInches: higherRain ? reading.amountInches : before.amountInches,
      snowfallInches: higherSnow ? reading.snowfallInches : before.snowfallInches,
      updatedAt: new Date(),
    })
    .where(and(eq(rainEvents.organizationId, actor.orgId), eq(rainEvents.id, before.id)))
    .returning();
  await recordAudit(tx, actor, { action: 'update', entityType: 'rain_event', entityId: before.id, before, after });
  return 'raised';
}
