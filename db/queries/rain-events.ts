import 'server-only';
import { and, desc, eq, gte, type SQL } from 'drizzle-orm';
import { projects, rainEvents } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';
import { getProject } from './projects';
import { olderThan, type Cursor } from './keyset';

export type RainEvent = typeof rainEvents.$inferSelect;
export type RainEventInput = Pick<typeof rainEvents.$inferInsert, 'projectId' | 'amountInches' | 'startedAt' | 'endedAt' | 'source'>;

export async function listRainEvents(
  tx: Tx,
  orgId: string,
  f: { projectId?: string; since?: Date; cursor?: Cursor; limit: number },
) {
  const conds: (SQL | undefined)[] = [
    eq(rainEvents.organizationId, orgId),
    f.projectId ? eq(rainEvents.projectId, f.projectId) : undefined,
    f.since ? gte(rainEvents.startedAt, f.since) : undefined,
    olderThan(rainEvents, f.cursor),
  ];
  return tx
    .select({ event: rainEvents, projectName: projects.name, projectTimeZone: projects.timeZone })
    .from(rainEvents)
    .innerJoin(projects, and(eq(projects.organizationId, rainEvents.organizationId), eq(projects.id, rainEvents.projectId)))
    .where(and(...conds))
    .orderBy(desc(rainEvents.createdAt), desc(rainEvents.id))
    .limit(f.limit + 1);
}

export async function getRainEvent(tx: Tx, orgId: string, id: string): Promise<RainEvent | undefined> {
  const [row] = await tx
    .select()
    .from(rainEvents)
    .where(and(eq(rainEvents.organizationId, orgId), eq(rainEvents.id, id)))
    .limit(1);
  return row;
}

/**
 * `undefined` when the project is not this tenant's. With an `idempotencyKey`
 * a retried create (double tap, timeout then retry) returns the row the first
 * request made, and writes no second audit row. Keys are per tenant: the
 * unique index is (organization_id, idempotency_key).
 */
export async function createRainEvent(
  tx: Tx,
  actor: Actor,
  values: RainEventInput & { idempotencyKey?: string },
): Promise<RainEvent | undefined> {
  if (!(await getProject(tx, actor.orgId, values.projectId))) return undefined;
  const [row] = await tx
    .insert(rainEvents)
    .values({ ...values, organizationId: actor.orgId, recordedBy: actor.userId })
    .onConflictDoNothing({ target: [rainEvents.organizationId, rainEvents.idempotencyKey] })
    .returning();
  if (!row) return getRainEventByIdempotencyKey(tx, actor.orgId, values.idempotencyKey!);
  await recordAudit(tx, actor, { action: 'create', entityType: 'rain_event', entityId: row.id, after: row });
  return row;
}

/** The row a create with this key made, if any (a conflict means it exists and is committed). */
async function getRainEventByIdempotencyKey(tx: Tx, orgId: string, key: string) {
  const [row] = await tx
    .select()
    .from(rainEvents)
    .where(and(eq(rainEvents.organizationId, orgId), eq(rainEvents.idempotencyKey, key)))
    .limit(1);
  return row;
}

export async function updateRainEvent(tx: Tx, actor: Actor, id: string, patch: Partial<Omit<RainEventInput, 'projectId'>>) {
  const before = await getRainEvent(tx, actor.orgId, id);
  if (!before) return undefined;
  const [after] = await tx
    .update(rainEvents)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(rainEvents.organizationId, actor.orgId), eq(rainEvents.id, id)))
    .returning();
  await recordAudit(tx, actor, { action: 'update', entityType: 'rain_event', entityId: id, before, after });
  return after;
}
