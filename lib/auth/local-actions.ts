'use server';

import { auth } from '@clerk/nextjs/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { isPublicError } from '@/lib/api/errors';
import { endLocalSession, startLocalSession } from './local-session';
import { safeReturnPath } from './routes';
import { publicEndpoint } from '@/lib/endpoints/registry';

/** Result of the local sign-in / switch forms (read with useActionState, or ignored by plain forms). */
export type LocalAuthResult = { ok: false; formError: string } | null;

// The charset of Clerk's ids (and what db/tenant.ts accepts): anything else is a form error, not a 500.
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** One submit button per (user, org): `as` = "<userId> <orgId>". */
const signInSchema = z.object({
  as: z
    .string()
    .max(200)
    .transform((v) => v.split(' '))
    .pipe(z.tuple([id, id]).or(z.tuple([id]))),
  redirectUrl: z.string().max(2000).optional(),
  /** The checkbox "also verify a second factor" (local stand-in for Clerk's MFA step). */
  secondFactor: z.literal('on').optional(),
});

/**
 * The submitted fields: a FormData from a form, or a plain object from a
 * hand-crafted call; anything else (null, no argument, a string) is no input.
 * Server actions are public endpoints: a bad call is a form error, never a 500.
 */
function fieldsOf(form: unknown): Record<string, unknown> {
  if (form instanceof FormData) return Object.fromEntries(form);
  if (form && typeof form === 'object' && !Array.isArray(form)) return { ...(form as Record<string, unknown>) };
  return {};
}

async function run(fn: () => Promise<string>): Promise<LocalAuthResult> {
  let target: string;
  try {
    target = await fn();
  } catch (error) {
    if (isPublicError(error)) return { ok: false, formError: error.message };
    throw error;
  }
  redirect(target);
}

/** Local mode: sign in as a seeded user (the user id is the credential here — local mode only). */
export async function signInLocallyAction(_prev?: unknown, form?: unknown): Promise<LocalAuthResult> {
  const input = signInSchema.safeParse(fieldsOf(form));
  if (!input.success) return { ok: false, formError: 'Choose a user to sign in as.' };
  return run(async () => {
    const [userId, orgId] = input.data.as;
    const { org } = await startLocalSession(userId, orgId, undefined, { secondFactor: input.data.secondFactor === 'on' });
    return org ? safeReturnPath(input.data.redirectUrl) : '/select-org';
  });
}

/** Local mode: make another of the signed-in user's organizations active (a new token, same session). */
export async function switchOrganizationAction(_prev?: unknown, form?: unknown): Promise<LocalAuthResult> {
  const { userId, sessionId } = await auth();
  if (!userId) redirect('/sign-in');
  const input = z.object({ orgId: id, redirectUrl: z.string().max(2000).optional() }).safeParse(fieldsOf(form));
  if (!input.success) return { ok: false, formError: 'Choose an organization.' };
  return run(async () => {
    await startLocalSession(userId, input.data.orgId, sessionId ?? undefined);
    return safeReturnPath(input.data.redirectUrl);
  });
}

/**
 * Local mode: verify a second factor for the signed-in session (Clerk mode uses Clerk's
 * reverification modal instead): the same session and organization, a new token whose `fva`
 * says both factors were verified now.
 */
export async function verifySecondFactorLocallyAction(_prev?: unknown, form?: unknown): Promise<LocalAuthResult> {
  const { userId, orgId, sessionId } = await auth();
  if (!userId) redirect('/sign-in');
  const input = z.object({ redirectUrl: z.string().max(2000).optional() }).safeParse(fieldsOf(form));
  if (!input.success) return { ok: false, formError: 'Invalid request.' };
  return run(async () => {
    await startLocalSession(userId, orgId ?? null, sessionId ?? undefined, { secondFactor: true });
    return safeReturnPath(input.data.redirectUrl);
  });
}

/** Local mode: clear the session cookies. */
export async function signOutLocallyAction(): Promise<void> {
  await endLocalSession();
  redirect('/sign-in');
}

// Sign-in happens before there is a tenant: these are public by nature (local identity mode only).
publicEndpoint('local identity mode: sign in as a seeded user', signInLocallyAction);
publicEndpoint('local identity mode: switch to another organization of the signed-in user', switchOrganizationAction);
publicEndpoint('local identity mode: sign out', signOutLocallyAction);
publicEndpoint('local identity mode: verify a second factor for the signed-in session', verifySecondFactorLocallyAction);
