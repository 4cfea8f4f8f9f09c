'use client';

import { useActionState } from 'react';
import { switchOrganizationAction } from '@/lib/auth/local-actions';

/** Local identity mode: the signed-in user's organizations; inactive ones are listed but can't be chosen. */
export function LocalOrgPicker({
  orgs,
  currentOrgId,
}: {
  orgs: { orgId: string; name: string; role: string; active: boolean }[];
  currentOrgId: string | null;
}) {
  const [state, action, pending] = useActionState(switchOrganizationAction, null);
  if (!orgs.length) return <p className="text-sm text-slate-700">You are not a member of any organization yet. Ask an admin to invite you, or create your company below.</p>;
  return (
    <form action={action}>
      {state?.formError ? (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {orgs.map((o) => (
          <li key={o.orgId}>
            <button
              type="submit"
              name="orgId"
              value={o.orgId}
              disabled={pending || !o.active}
              className="flex min-h-14 w-full items-center justify-between px-4 text-left hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60"
            >
              <span className="font-medium text-slate-900">
                {o.name}
                {o.orgId === currentOrgId ? <span className="ml-2 text-xs text-slate-500">(current)</span> : null}
              </span>
              <span className="text-sm text-slate-600">{o.active ? o.role : 'inactive'}</span>
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
