import 'server-only';
import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import { inspectorLinkViews, publicAccessEvents } from '../schema';
import type { Tx } from '../tenant';

/** One view of the public page through a live link (inside withTenant for the link's org). */
export async function insertLinkView(
  tx: Tx,
  orgId: string,
  view: { linkId: string; ipHash: string; userAgent: string | null },
) {
  await tx.insert(inspectorLinkViews).values({ organizationId: orgId, ...view });
}

export async function listLinkViews(tx: Tx, orgId: string, linkId: string, limit = 20) {
  return tx
    .select({
      viewedAt: inspectorLinkViews.viewedAt,
      ipHash: inspectorLinkViews.ipHash,
      userAgent: inspectorLinkViews.userAgent,
    })
    .from(inspectorLinkViews)
    .where(and(eq(inspectorLinkViews.organizationId, orgId), eq(inspectorLinkViews.linkId, linkId)))
    .orderBy(desc(inspectorLinkViews.viewedAt))
    .limit(limit);
}

export type PublicAccessKind = 'TOKEN_MISS' | 'PUBLIC_TOKEN_PROBING';

/** A wrong token (or a probing alarm): no organization, so it goes to the shared table (withoutTenant). */
export async function insertPublicAccessEvent(
  tx: Tx,
  event: { kind: PublicAccessKind; ipHash: string; userAgent: string | null; details?: Record<string, unknown> },
) {
  await tx.insert(publicAccessEvents).values({ ...event, details: event.details ?? {} });
}

/** How many events of `kind` this IP hash caused since `since`. */
export async function countPublicAccessEvents(tx: Tx, ipHash: string, kind: PublicAccessKind, since: Date) {
  const [row] = await tx
    .select({ n: count() })
    .from(publicAccessEvents)
    .where(
      and(
        eq(publicAccessEvents.ipHash, ipHash),
        eq(publicAccessEvents.kind, kind),
        gte(publicAccessEvents.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** Delete wrong-token records created before `before`; returns how many went. */
export async function deletePublicAccessEventsBefore(tx: Tx, before: Date): Promise<number> {
  const gone = await tx.delete(publicAccessEvents).where(lt(publicAccessEvents.createdAt, before)).returning({ id: publicAccessEvents.id });
  return gone.length;
}
