'use server';

import { auth } from '@clerk/nextjs/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authConfig } from '@/lib/auth/config';
import { startLocalSession } from '@/lib/auth/local-session';
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

publicEndpoint('local identity mode: a signed-in user creates a new organization (no tenant exists yet)', createOrganizationAction);
