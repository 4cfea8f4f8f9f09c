import { verifyWebhook } from '@clerk/nextjs/webhooks';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { clerkEventSchema, HANDLED_TYPES, svixIdSchema } from '@/lib/tenancy/clerk-events';
import { applyClerkEvent } from '@/lib/tenancy/clerk-sync';
import { publicEndpoint } from '@/lib/endpoints/registry';

export const dynamic = 'force-dynamic';

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

// POST /api/webhooks/clerk - organization.*, organizationMembership.*, user.* from Clerk (svix-signed)
export async function POST(req: NextRequest) {
  const signingSecret = env.CLERK_WEBHOOK_SIGNING_SECRET;
  if (!signingSecret) return json(503, { error: 'Webhooks are not configured (CLERK_WEBHOOK_SIGNING_SECRET).' });

  // Signature first: nothing in an unverified body is read. (Also rejects timestamps > 5 min off: replays.)
  const svixId = req.headers.get('svix-id');
  let evt;
  try {
    evt = await verifyWebhook(req, { signingSecret });
  } catch {
    return json(400, { error: 'Invalid webhook signature.' });
  }
  if (!svixIdSchema.safeParse(svixId).success) return json(400, { error: 'Missing or malformed svix-id.' });
  const id = svixId!;

  // Signed is not well-formed: check every field we read before writing anything (422, nothing written).
  const type = (evt as { type?: unknown }).type;
  if (typeof type !== 'string' || !HANDLED_TYPES.has(type)) return json(200, { ok: true, outcome: 'ignored' });
  const parsed = clerkEventSchema.safeParse(evt);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(event)');
    console.warn('[clerk webhook] malformed event', type, id, fields);
    return json(422, { error: 'The event is missing fields or holds invalid values; nothing was applied.', fields });
  }

  try {
    const outcome = await applyClerkEvent(id, parsed.data);
    return json(200, { ok: true, outcome });
  } catch (error) {
    console.error('[clerk webhook]', type, id, error);
    return json(500, { error: 'Could not apply the event; it will be retried.' }); // svix retries non-2xx
  }
}

// Public by design: the svix signature, not a session, authenticates Clerk.
publicEndpoint('Clerk webhooks, verified by their svix signature', POST);
