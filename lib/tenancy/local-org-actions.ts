'use server';

import { randomUUID } from 'node:crypto';
import { auth } from '@clerk/nextjs/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authConfig } from '@/lib/auth/config';
import { startLocalSession } from '@/lib/auth/local-session';
import { upsertUser } from '@/db/queries/users';
import { withIdentity } from '@/db/tenant';
import { publicEndpoint } from '@/lib/endpoints/registry';
import { createLocalOrganization } from './create-organization';

export type CreateOrganizationResult = { ok: false; formError?: string; fieldErrors?: Record<string, string[]> } | null;

const schema = z.object({
  name: z.string().trim().min(2, 'Enter your company’s name (at least 2 characters).').max(120, 'The name must be at most 120 characters.'),
});

function fieldsOf(form: unknown): Record<string, unknown> {
  if (form instanceof FormData) return Object.fromEntries(form);
  if (form && typeof form === 'object' && !Array.isArray(form)) return { ...(form as Record<string, unknown>) };
  return {};
}

/**
 * Local mode, /select-org: a signed-in user creates a company and lands on
 * its (empty) dashboard as its owner. No tenant exists yet, so this is not a
 * tenantAction: it needs only the signed-in user, and it can create nothing
 * but a new tenant owned by that user.
 */
export async function createOrganizationAction(_prev?: unknown, form?: unknown): Promise<CreateOrganizationResult> {
  if (authConfig().mode !== 'local') return { ok: false, formError: 'Create organizations with Clerk’s organization list.' };
  const { userId, sessionId } = await auth();
  if (!userId) redirect('/sign-in');
  const input = schema.safeParse(fieldsOf(form));
  if (!input.success) {
    const flat = z.flattenError(input.error);
    return { ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: flat.fieldErrors as Record<string, string[]> };
  }
  const { orgId } = await createLocalOrganization(userId, input.data.name);
  await startLocalSession(userId, orgId, sessionId ?? undefined);
  redirect('/dashboard');
}

const newcomerSchema = z.object({
  firstName: z.string().trim().min(1, 'Enter your first name.').max(80, 'At most 80 characters.'),
  lastName: z.string().trim().min(1, 'Enter your last name.').max(80, 'At most 80 characters.'),
});

/**
 * Local mode, /sign-in: someone new tries the product — a new local user
 * with no organization, signed in and sent to /select-org to create one.
 * Local mode only (a deployment uses Clerk's sign-up).
 */
export async function startAsNewcomerAction(_prev?: unknown, form?: unknown): Promise<CreateOrganizationResult> {
  if (authConfig().mode !== 'local') return { ok: false, formError: 'Sign up with Clerk on this server.' };
  const input = newcomerSchema.safeParse(fieldsOf(form));
  if (!input.success) {
    const flat = z.flattenError(input.error);
    return { ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: flat.fieldErrors as Record<string, string[]> };
  }
  const userId = `user_local_${randomUUID().replaceAll('-', '')}`;
  await withIdentity(userId, (tx) => upsertUser(tx, { id: userId, email: `${userId}@local.test`, firstName: input.data.firstName, lastName: input.data.lastName }));
  await startLocalSession(userId, null);
  redirect('/select-org');
}

publicEndpoint('local identity mode: a new local user with no organization yet (sign-up stand-in)', startAsNewcomerAction);
publicEndpoint('local identity mode: a signed-in user creates a new organization (no tenant exists yet)', createOrganizationAction);
