'use server';

import { reverificationError } from '@clerk/nextjs/server';
import { publicEndpoint } from '@/lib/endpoints/registry';
import { hasRecentSecondFactor } from './step-up';

/**
 * Clerk mode's step-up round trip: `useReverification` calls this; while the
 * session lacks a recent second factor it answers Clerk's reverification hint,
 * the modal asks for the factors, and the call is retried. Reads and writes nothing.
 */
export async function confirmIdentityAction(): Promise<{ ok: true } | ReturnType<typeof reverificationError>> {
  if (await hasRecentSecondFactor()) return { ok: true };
  return reverificationError('strict_mfa');
}

publicEndpoint('step-up: answers whether the session has a recent second factor (Clerk reverification hint)', confirmIdentityAction);
