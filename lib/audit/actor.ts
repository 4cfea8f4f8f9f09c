import 'server-only';
import { headers } from 'next/headers';
import type { Actor } from '@/db/queries/audit';
import type { TenantContext } from '@/lib/auth/tenant-context';

/**
 * The audit actor of the current request: who (from auth) and from where.
 * The client IP is the first x-forwarded-for hop, which the load balancer sets;
 * it is recorded for the audit trail, never trusted for access decisions.
 */
export async function requestActor(ctx: TenantContext): Promise<Actor> {
  let ip: string | null = null;
  let userAgent: string | null = null;
  try {
    const h = await headers();
    ip = h.get('x-forwarded-for')?.split(',')[0]?.trim().slice(0, 64) || h.get('x-real-ip')?.slice(0, 64) || null;
    userAgent = h.get('user-agent')?.slice(0, 500) ?? null;
  } catch {
    // Outside a request (jobs, scripts): no request metadata to record.
  }
  return { orgId: ctx.orgId, userId: ctx.userId, ip, userAgent };
}

/** Audit actors that are not a person: `<kind>:<event id>` in actor_user_id. */
const CLERK_WEBHOOK = 'clerk_webhook';

/**
 * The actor of a change that a Clerk webhook made: the webhook, with the svix
 * message id of the delivery (which `webhook_events` records too), so an audit
 * entry leads back to the exact event in Clerk's dashboard.
 */
export function clerkWebhookActor(orgId: string, svixId: string): Actor {
  return { orgId, userId: `${CLERK_WEBHOOK}:${svixId}`, ip: null, userAgent: 'Clerk webhook' };
}

/** "Clerk webhook (msg_…)" for a webhook actor; undefined for a person (look their name up). */
export function describeSystemActor(actorUserId: string): string | undefined {
  const [kind, eventId] = actorUserId.split(':', 2);
  if (kind === CLERK_WEBHOOK && eventId) return `Clerk webhook (${eventId})`;
  return undefined;
}
