import { SignIn } from '@clerk/nextjs';
import type { Metadata } from 'next';
import { BrandMark } from '@/components/brand-mark';
import { WipeCachedPages } from '@/components/offline/wipe-cached-pages';
import { LocalSignInForm, type LocalSignInGroup } from '@/components/auth/local-sign-in-form';
import { NewcomerForm } from '@/components/auth/newcomer-form';
import { seedOrganizations, seedUsers } from '@/db/seed-data';
import { isLocalAuth } from '@/lib/auth/auth-provider';
import { safeReturnPath } from '@/lib/auth/routes';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

/** The seeded demo users, grouped by organization (Dana appears under both). */
function localGroups(): LocalSignInGroup[] {
  return seedOrganizations.map((org) => ({
    org: { id: org.id, name: org.name },
    users: seedUsers.flatMap((u) =>
      u.memberships
        .filter((m) => m.org === org.slug)
        .map((m) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, email: u.email, role: m.role })),
    ),
  }));
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.redirect_url === 'string' ? params.redirect_url : undefined;
  const redirectUrl = raw ? safeReturnPath(raw) : undefined;

  return (
    <main id="main" tabIndex={-1} className="mx-auto flex min-h-dvh max-w-lg flex-col gap-6 px-4 py-10 outline-none">
      <WipeCachedPages />
      <div className="flex items-center gap-2 font-semibold text-slate-900">
        <BrandMark />
        BrAve Forms
      </div>
      {isLocalAuth() ? (
        <>
          <div>
            <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in (local mode)</h1>
            <p className="mt-1 text-sm text-slate-600">
              No accounts needed: pick a demo user. Each sees only their organization&apos;s data.
            </p>
            {raw ? (
              <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
                Your session ended or you are not signed in. Sign in to continue.
              </p>
            ) : null}
          </div>
          <LocalSignInForm groups={localGroups()} redirectUrl={redirectUrl} />
          <NewcomerForm />
        </>
      ) : (
        <SignIn path="/sign-in" routing="path" forceRedirectUrl={redirectUrl ?? '/dashboard'} />
      )}
    </main>
  );
}
