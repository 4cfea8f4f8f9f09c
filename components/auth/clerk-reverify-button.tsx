'use client';

import { useReverification } from '@clerk/nextjs';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { confirmIdentityAction } from '@/lib/auth/confirm-identity';

/** Clerk mode: Clerk's reverification modal (password and second factor), then back to the form. */
export function ClerkReverifyButton({ redirectUrl }: { redirectUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const confirm = useReverification(confirmIdentityAction);
  return (
    <div>
      <button
        type="button"
        onClick={async () => {
          setError(null);
          try {
            const result = await confirm();
            if (result && 'ok' in result && result.ok) router.push(redirectUrl);
          } catch {
            setError('Verification was cancelled or failed. Try again.');
          }
        }}
        className="min-h-12 rounded-md bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        Verify with Clerk
      </button>
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
