import { verifyWebhook } from '@clerk/nextjs/webhooks';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
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
  if (!svixId) return json(400, { error: 'Missing svix-id.' });

  try {
    const outcome = await applyClerkEvent(svixId, evt);
    return json(200, { ok: true, outcome });
  } catch (error) {
    console.error('[clerk webhook]', evt.type, svixId, error);
    return json(500, { error: 'Could not apply the event; it will be retried.' }); // svix retries non-2xx
  }
}

// Public by design: the svix signature, not a session, authenticates Clerk.
publicEndpoint('Clerk webhooks, verified by their svix signature', POST);
