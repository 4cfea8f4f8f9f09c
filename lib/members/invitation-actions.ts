'use server';

import { randomUUID } from 'node:crypto';
import { auth } from '@clerk/nextjs/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { isPublicError } from '@/lib/api/errors';
import { authConfig } from '@/lib/auth/config';
import { startLocalSession } from '@/lib/auth/local-session';
import { publicEndpoint } from '@/lib/endpoints/registry';
import { acceptInvitation } from './accept-invitation';

export type AcceptInvitationResult = { ok: false; formError?: string; fieldErrors?: Record<string, string[]> } | null;

const name = (label: string) => z.string().trim().min(1, `Enter your ${label}.`).max(80, `Your ${label} must be at most 80 characters.`);
const schema = z.object({
  token: z.string().max(200),
  firstName: name('first name'),
  lastName: name('last name'),
});

function fieldsOf(form: unknown): Record<string, unknown> {
  if (form instanceof FormData) return Object.fromEntries(form);
  if (form && typeof form === 'object' && !Array.isArray(form)) return { ...(form as Record<string, unknown>) };
  return {};
}

/**
 * Local mode, /invite/[token]: join the organization that sent the link, as
 * the signed-in user or as a new local user with the invited email. The
 * token is the credential (lib/members/invite-token.ts); the invitation is
 * used once, audited, and the new member is signed in to that organization.
 */
export async function acceptInvitationAction(_prev?: unknown, form?: unknown): Promise<AcceptInvitationResult> {
  if (authConfig().mode !== 'local') return { ok: false, formError: 'Invitations are sent and accepted through Clerk on this server.' };
  const input = schema.safeParse(fieldsOf(form));
  if (!input.success) {
    const flat = z.flattenError(input.error);
    return { ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: flat.fieldErrors as Record<string, string[]> };
  }
  const { userId: signedIn, sessionId } = await auth();
  const userId = signedIn ?? `user_local_${randomUUID().replaceAll('-', '')}`;
  let orgId: string;
  try {
    ({ orgId } = await acceptInvitation(input.data.token, { userId, isNew: !signedIn, firstName: input.data.firstName, lastName: input.data.lastName }));
  } catch (error) {
    if (isPublicError(error)) return { ok: false, formError: error.message };
    throw error;
  }
  await startLocalSession(userId, orgId, sessionId ?? undefined);
  redirect('/dashboard');
}

publicEndpoint('local identity mode: accept an invitation link (the token is the credential; no tenant session yet)', acceptInvitationAction);
