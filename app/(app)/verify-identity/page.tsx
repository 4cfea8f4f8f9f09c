import type { Metadata } from 'next';
import { ClerkReverifyButton } from '@/components/auth/clerk-reverify-button';
import { LocalVerifyForm } from '@/components/auth/local-verify-form';
import { authConfig } from '@/lib/auth/config';
import { safeReturnPath } from '@/lib/auth/routes';
import { requireTenantPage } from '@/lib/auth/session';
import { hasRecentSecondFactor } from '@/lib/auth/step-up';
import { STEP_UP_MINUTES } from '@/lib/auth/step-up-claims';

export const metadata: Metadata = { title: 'Confirm it’s you' };

/** Step-up: confirm the second factor before a sensitive action (docs/auth.md). */
export default async function VerifyIdentityPage({ searchParams }: { searchParams: Promise<{ redirect_url?: string | string[] }> }) {
  await requireTenantPage();
  const raw = (await searchParams).redirect_url;
  const redirectUrl = safeReturnPath(typeof raw === 'string' ? raw : undefined);
  const fresh = await hasRecentSecondFactor();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Confirm it’s you</h1>
      <p className="mt-2 text-sm text-slate-700">
        Creating inspector links, changing settings and members, exporting and deleting need a second factor verified
        in the last {STEP_UP_MINUTES} minutes. After confirming, go back and submit again.
      </p>
      {fresh ? (
        <p role="status" className="mt-4 rounded-lg border border-green-700 bg-green-50 p-4 text-green-900">
          Your second factor is verified. <a href={redirectUrl} className="font-semibold underline">Go back</a>
        </p>
      ) : authConfig().mode === 'local' ? (
        <LocalVerifyForm redirectUrl={redirectUrl} />
      ) : (
        <div className="mt-4">
          <ClerkReverifyButton redirectUrl={redirectUrl} />
        </div>
      )}
    </div>
  );
}
