'use client';

import { useActionState } from 'react';
import { verifySecondFactorLocallyAction } from '@/lib/auth/local-actions';

/** Local mode's stand-in for Clerk's reverification modal: one button marks the second factor verified now. */
export function LocalVerifyForm({ redirectUrl }: { redirectUrl: string }) {
  const [state, action, pending] = useActionState(verifySecondFactorLocallyAction, null);
  return (
    <form action={action} className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="redirectUrl" value={redirectUrl} />
      <p className="text-sm text-slate-700">
        Local identity mode has no authenticator app: this button stands in for entering a code.
      </p>
      {state?.formError ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {state.formError}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="mt-3 min-h-12 rounded-md bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-60 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        Verify second factor
      </button>
    </form>
  );
}
