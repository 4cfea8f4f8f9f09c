'use client';

import { useActionState } from 'react';
import { createOrganizationAction } from '@/lib/tenancy/local-org-actions';
import { TextInput } from '@/components/ui/text-input';
import { primaryButtonClass } from '@/components/ui/styles';

/** Local mode, /select-org: start a new company (a fresh tenant with its defaults; you are its owner). */
export function CreateOrganizationForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  const error = state?.fieldErrors?.name?.join(' ');
  return (
    <form action={action} aria-label="Create organization" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">Create organization</h2>
      <p className="text-sm text-slate-600">A new company account with the EPA and OSHA defaults, on the trial plan. You will be its owner.</p>
      {state?.formError && !error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.formError}
        </p>
      ) : null}
      <div>
        <label htmlFor="new-org-name" className="block text-sm font-medium text-slate-900">
          Company name
        </label>
        <TextInput
          id="new-org-name"
          name="name"
          required
          maxLength={120}
          autoComplete="organization"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'new-org-name-error' : undefined}
          className="mt-1"
        />
        {error ? (
          <p id="new-org-name-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className={`${primaryButtonClass} w-full`}
      >
        {pending ? 'Creating…' : 'Create organization'}
      </button>
    </form>
  );
}
