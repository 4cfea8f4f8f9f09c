/**
 * svix-signed Clerk webhook deliveries for tests (signed by the `svix`
 * package, verified by Clerk's verifyWebhook in the route), and Clerk-shaped
 * event payloads.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { Webhook } from 'svix';

export const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

export function signed(
  event: object,
  opts: { id?: string; secret?: string; at?: Date; tamper?: (body: string) => string } = {},
) {
  const id = opts.id ?? `msg_${randomUUID().replace(/-/g, '')}`;
  const at = opts.at ?? new Date();
  const body = JSON.stringify(event);
  const signature = new Webhook(opts.secret ?? WEBHOOK_SECRET).sign(id, at, body);
  return new NextRequest('http://localhost:3000/api/webhooks/clerk', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': signature,
    },
    body: opts.tamper ? opts.tamper(body) : body,
  });
}

export const evt = (type: string, data: object, timestamp = Date.now()) => ({ type, object: 'event', data, timestamp, instance_id: 'ins_test' });

export const org = (id: string, name: string, updatedAt: number) => ({
  object: 'organization',
  id,
  name,
  slug: name.toLowerCase().replace(/\W+/g, '-'),
  created_at: 1,
  updated_at: updatedAt,
});

export const membership = (orgId: string, userId: string, role: string, updatedAt: number) => ({
  object: 'organization_membership',
  id: `orgmem_${orgId}_${userId}`,
  role,
  permissions: [],
  created_at: 1,
  updated_at: updatedAt,
  organization: org(orgId, 'Embedded Org', 1),
  public_user_data: { user_id: userId, identifier: `${userId}@example.test`, first_name: 'Pat', last_name: 'Lee', image_url: '', has_image: false },
});

export const user = (id: string, email: string, updatedAt: number) => ({
  object: 'user',
  id,
  first_name: 'Uma',
  last_name: 'User',
  image_url: '',
  primary_email_address_id: 'idn_1',
  email_addresses: [{ id: 'idn_1', email_address: email }],
  updated_at: updatedAt,
});
