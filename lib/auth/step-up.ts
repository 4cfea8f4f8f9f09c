import 'server-only';
import { auth } from '@clerk/nextjs/server';
import { secondFactorFresh } from './step-up-claims';

/**
 * Whether the current session verified a second factor within the step-up
 * window (lib/auth/step-up-claims.ts). Clerk mode: Clerk's own reverification
 * check on the same claims as well (`has({ reverification: 'strict_mfa' })`),
 * so the server agrees with what Clerk's `useReverification` modal asks for.
 */
export async function hasRecentSecondFactor(now = new Date()): Promise<boolean> {
  const a = await auth();
  if (!secondFactorFresh(a.sessionClaims, now)) return false;
  return typeof a.has === 'function' ? a.has({ reverification: 'strict_mfa' }) : false;
}
