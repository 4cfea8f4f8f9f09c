import { z } from 'zod';

/**
 * The fields of Clerk's webhook events that clerk-sync.ts reads, checked
 * before anything is written. A validly signed event that lacks one (or holds
 * an id our door can't take) is answered 422 with nothing written: applying
 * it half, or answering 500 (which svix retries for days), are both wrong.
 * Unknown extra fields are ignored (Clerk adds fields over time).
 */
const clerkId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a Clerk id');
const version = z.number().int().nonnegative();
const name = z.string().trim().min(1).max(256);
const nullableText = z.string().max(256).nullish().transform((v) => v ?? null);

const organization = z.object({ id: clerkId, name, slug: z.string().trim().min(1).max(128), updated_at: version });

const membership = z.object({
  organization: organization.omit({ updated_at: true }),
  public_user_data: z.object({
    user_id: clerkId,
    identifier: z.string().max(320).nullish(),
    first_name: nullableText,
    last_name: nullableText,
    image_url: z.string().max(2000).nullish().transform((v) => v ?? null),
  }),
  role: z.string().min(1).max(64),
  updated_at: version,
});

/** Deletions carry less: only what finds the row is required. */
const membershipDeleted = z.object({
  organization: z.object({ id: clerkId }),
  public_user_data: z.object({ user_id: clerkId }),
  updated_at: version.optional(),
});

const user = z.object({
  id: clerkId,
  first_name: nullableText,
  last_name: nullableText,
  image_url: z.string().max(2000).nullish().transform((v) => v ?? null),
  primary_email_address_id: z.string().max(64).nullish(),
  email_addresses: z.array(z.object({ id: z.string().max(64), email_address: z.string().min(3).max(320) })).max(100),
  updated_at: version,
});

const deleted = z.object({ id: clerkId });

const base = { timestamp: version.optional() };

export const clerkEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['organization.created', 'organization.updated']), data: organization, ...base }),
  z.object({ type: z.literal('organization.deleted'), data: deleted, ...base }),
  z.object({ type: z.enum(['organizationMembership.created', 'organizationMembership.updated']), data: membership, ...base }),
  z.object({ type: z.literal('organizationMembership.deleted'), data: membershipDeleted, ...base }),
  z.object({ type: z.enum(['user.created', 'user.updated']), data: user, ...base }),
  z.object({ type: z.literal('user.deleted'), data: deleted, ...base }),
]);

export type ClerkEvent = z.infer<typeof clerkEventSchema>;
export type OrganizationData = z.infer<typeof organization>;
export type MembershipData = z.infer<typeof membership>;
export type MembershipDeletedData = z.infer<typeof membershipDeleted>;
export type UserData = z.infer<typeof user>;

/** Event types we apply; any other type is acknowledged and ignored (200). */
export const HANDLED_TYPES: ReadonlySet<string> = new Set<ClerkEvent['type']>([
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'organizationMembership.created',
  'organizationMembership.updated',
  'organizationMembership.deleted',
  'user.created',
  'user.updated',
  'user.deleted',
]);

/** The svix message id, which the audit log records as the actor's event id. */
export const svixIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
