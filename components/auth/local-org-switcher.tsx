'use client';

import { useActionState } from 'react';
import { switchOrganizationAction } from '@/lib/auth/local-actions';

export interface SwitcherOrg {
  orgId: string;
  name: string;
  role: string;
}

/** Local identity mode's organization switcher (Clerk mode uses <OrganizationSwitcher>). */
export function LocalOrgSwitcher({ current, orgs }: { current: SwitcherOrg; orgs: SwitcherOrg[] }) {
  const [state, action, pending] = useActionState(switchOrganizationAction, null);
  const others = orgs.filter((o) => o.orgId !== current.orgId);
  return (
    <details className="relative">
      <summary
        className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        aria-label={`Organization: ${current.name}. Switch organization`}
      >
        <span className="max-w-40 truncate">{current.name}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-40 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <p className="px-2 py-1 text-xs text-slate-500">
          Signed in to <strong className="text-slate-800">{current.name}</strong> as {current.role}
        </p>
        {others.length ? (
          <form action={action}>
            {others.map((o) => (
              <button
                key={o.orgId}
                type="submit"
                name="orgId"
                value={o.orgId}
                disabled={pending}
                className="block min-h-11 w-full rounded px-2 text-left text-sm hover:bg-slate-100"
              >
                Switch to {o.name} <span className="text-slate-500">({o.role})</span>
              </button>
            ))}
          </form>
        ) : (
          <p className="px-2 py-1 text-sm text-slate-600">No other organizations.</p>
        )}
        {state?.formError ? (
          <p role="alert" className="px-2 py-1 text-sm text-red-700">
            {state.formError}
          </p>
        ) : null}
      </div>
    </details>
  );
}
