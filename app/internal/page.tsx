import { cookies } from 'next/headers';
import { readSupportSession, SUPPORT_COOKIE } from '@/lib/support/staff';
import { supportSignOutAction } from './_actions/support-actions';
import { GrantRequestForm, SupportSignInForm } from './_components/forms';

/** Support staff sign in with their own key, then open a reasoned, time-limited grant on one organization. */
export default async function InternalPage() {
  const staff = readSupportSession((await cookies()).get(SUPPORT_COOKIE)?.value);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Break-glass support access</h1>
      <p className="text-sm text-slate-700">
        Reading a customer&apos;s data needs a written reason and a grant of at most 30 minutes. The grant and every view
        are written to that customer&apos;s audit log, and their owners see a banner while it runs.
      </p>
      {staff ? (
        <>
          <p className="text-sm text-slate-800">
            Signed in as <strong>{staff}</strong>.{' '}
          </p>
          <form action={supportSignOutAction}>
            <button type="submit" className="min-h-11 text-sm font-semibold text-blue-800 underline">Sign out</button>
          </form>
          <GrantRequestForm />
        </>
      ) : (
        <SupportSignInForm />
      )}
    </div>
  );
}
