'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { isPublicError } from '@/lib/api/errors';
import { requestOrigin } from '@/lib/auth/request-origin';
import { publicEndpoint } from '@/lib/endpoints/registry';
import { grantRequestSchema, openGrant } from '@/lib/support/break-glass';
import { checkStaffKey, readSupportSession, SUPPORT_COOKIE, SUPPORT_SESSION_MAX_AGE, supportEnabled, supportSessionValue } from '@/lib/support/staff';

/** A refusal, with what was typed (never the key) so the form shows it again after React resets it. */
export type SupportFormResult = {
  ok: false;
  formError: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
} | null;

/** The submitted text fields except `omit`, for the form to show again. */
function echo(fields: Record<string, unknown>, omit: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => typeof v === 'string' && !omit.includes(k)).map(([k, v]) => [k, (v as string).slice(0, 2000)]),
  );
}

function fieldsOf(form: unknown): Record<string, unknown> {
  if (form instanceof FormData) return Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith('$ACTION')));
  return form && typeof form === 'object' && !Array.isArray(form) ? { ...(form as Record<string, unknown>) } : {};
}

const signInSchema = z.strictObject({ name: z.string().max(40), key: z.string().max(200) });

/** Support staff sign in with their name and personal key (lib/support/staff.ts). */
export async function supportSignInAction(_prev: unknown, form: unknown): Promise<SupportFormResult> {
  if (!supportEnabled()) return { ok: false, formError: 'Not found.' };
  const fields = fieldsOf(form);
  const input = signInSchema.safeParse(fields);
  const name = input.success ? checkStaffKey(input.data.name, input.data.key) : null;
  if (!name) return { ok: false, formError: 'Unknown name or key.', values: echo(fields, ['key']) };
  // Secure follows the origin the browser uses, as the session cookie does (lib/auth/local-session.ts):
  // a production build served over plain http (the e2e server) would otherwise never get the cookie back.
  const origin = await requestOrigin();
  (await cookies()).set(SUPPORT_COOKIE, supportSessionValue(name), {
    path: '/internal',
    httpOnly: true,
    sameSite: 'strict',
    secure: origin.protocol === 'https:',
    maxAge: SUPPORT_SESSION_MAX_AGE,
  });
  redirect('/internal');
}

/** A time-limited grant on one organization, with a written reason; then its read-only view. */
export async function requestSupportGrantAction(_prev: unknown, form: unknown): Promise<SupportFormResult> {
  const staff = readSupportSession((await cookies()).get(SUPPORT_COOKIE)?.value);
  if (!staff) return { ok: false, formError: 'Sign in as support staff first.' };
  const fields = fieldsOf(form);
  const input = grantRequestSchema.safeParse(fields);
  if (!input.success) {
    const flat = z.flattenError(input.error);
    return { ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>, values: echo(fields) };
  }
  try {
    await openGrant(staff, input.data);
  } catch (error) {
    if (isPublicError(error)) return { ok: false, formError: error.message, values: echo(fields) };
    throw error;
  }
  redirect(`/internal/orgs/${encodeURIComponent(input.data.orgId)}`);
}

export async function supportSignOutAction(): Promise<void> {
  (await cookies()).delete({ name: SUPPORT_COOKIE, path: '/internal' });
  redirect('/internal');
}

// Not tenant endpoints: the operator's own staff, with their own session (docs/support-access.md).
publicEndpoint('break-glass: support staff sign-in (its own key and cookie, off unless SUPPORT_STAFF is set)', supportSignInAction);
publicEndpoint('break-glass: a time-limited, reasoned grant on one organization (support session required)', requestSupportGrantAction);
publicEndpoint('break-glass: support staff sign-out', supportSignOutAction);
