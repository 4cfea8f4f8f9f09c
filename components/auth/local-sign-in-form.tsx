'use client';

import { useActionState } from 'react';
import { signInLocallyAction } from '@/lib/auth/local-actions';
import { Checkbox } from '@/components/ui/choice';

export interface LocalSignInGroup {
  org: { id: string; name: string };
  users: { id: string; name: string; email: string; role: string }[];
}

/** Local identity mode: pick a seeded user (and the organization to start in). */
export function LocalSignInForm({ groups, redirectUrl }: { groups: LocalSignInGroup[]; redirectUrl?: string }) {
  const [state, action, pending] = useActionState(signInLocallyAction, null);
  return (
    <form action={action} className="space-y-6">
      {redirectUrl ? <input type="hidden" name="redirectUrl" value={redirectUrl} /> : null}
      {state?.formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <Checkbox
          id="second-factor"
          name="secondFactor"
          className="mt-0.5"
          aria-describedby="second-factor-hint"
        />
        <div>
          <label htmlFor="second-factor" className="font-medium text-slate-900">
            Also verify a second factor
          </label>
          <p id="second-factor-hint" className="text-sm text-slate-600">
            Local mode&apos;s stand-in for an authenticator code. Sensitive actions (QR links, settings) ask for it
            within the last 10 minutes.
          </p>
        </div>
      </div>
      {groups.map(({ org, users }) => (
        <section key={org.id} aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`} className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
            {org.name}
          </h2>
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {users.map((u) => (
              <li key={u.id}>
                <button
                  type="submit"
                  name="as"
                  value={`${u.id} ${org.id}`}
                  disabled={pending}
                  className="flex min-h-14 w-full items-center justify-between gap-3 px-4 py-2 text-left hover:bg-slate-50 disabled:opacity-60"
                >
                  <span>
                    <span className="block font-medium text-slate-900">
                      Sign in as {u.name}
                      <span className="sr-only"> ({org.name})</span>
                    </span>
                    <span className="block text-sm text-slate-600">{u.email}</span>
                  </span>
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 capitalize">{u.role}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </form>
  );
}
