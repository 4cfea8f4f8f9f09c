import 'server-only';
import { countPublicAccessEvents, insertLinkView, insertPublicAccessEvent } from '@/db/queries/inspector-visits';
import { withoutTenant } from '@/db/public';
import { withTenant } from '@/db/tenant';
import { env } from '@/lib/env';
import type { Visitor } from './client-fingerprint';

/** The user id recorded for the public page's own writes (no person is signed in). */
const PUBLIC_PAGE_ACTOR = 'system_inspector_page';

/**
 * Record one view through a live link, in the link's organization, so the org
 * sees who looked (time, IP hash, user agent) next to the link. The org id
 * comes from the link row brave_public resolved from the token hash, never from
 * the request. This is a write, and brave_public is SELECT-only, so it goes
 * through brave_app's door (docs/inspector-page.md). A failure is logged and
 * never changes the page.
 */
export async function recordView(link: { organizationId: string; id: string }, visitor: Visitor): Promise<void> {
  try {
    await withTenant({ orgId: link.organizationId, userId: PUBLIC_PAGE_ACTOR }, (tx) =>
      insertLinkView(tx, link.organizationId, { linkId: link.id, ...visitor }),
    );
  } catch (error) {
    console.error('could not record inspector page view', error);
  }
}

/**
 * Record a wrong token (unknown, revoked or expired: the same call for each,
 * so each does the same work). A wrong token names no organization, so the
 * row goes to the shared public_access_events table. The Nth miss from one IP
 * hash within the window raises one PUBLIC_TOKEN_PROBING security event
 * (logged for the operators as well). Returns whether this miss raised it.
 */
export async function recordMiss(visitor: Visitor, now = new Date()): Promise<boolean> {
  try {
    return await withoutTenant(async (tx) => {
      await insertPublicAccessEvent(tx, { kind: 'TOKEN_MISS', ...visitor });
      const since = new Date(now.getTime() - env.INSPECT_MISS_WINDOW_MINUTES * 60_000);
      const misses = await countPublicAccessEvents(tx, visitor.ipHash, 'TOKEN_MISS', since);
      if (misses !== env.INSPECT_MISS_THRESHOLD) return false;
      await insertPublicAccessEvent(tx, {
        kind: 'PUBLIC_TOKEN_PROBING',
        ...visitor,
        details: { misses, windowMinutes: env.INSPECT_MISS_WINDOW_MINUTES },
      });
      console.warn(
        JSON.stringify({
          event: 'PUBLIC_TOKEN_PROBING',
          ipHash: visitor.ipHash,
          misses,
          windowMinutes: env.INSPECT_MISS_WINDOW_MINUTES,
        }),
      );
      return true;
    });
  } catch (error) {
    console.error('could not record a wrong inspector token', error);
    return false;
  }
}
