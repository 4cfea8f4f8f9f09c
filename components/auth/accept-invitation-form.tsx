'use client';

import { useActionState } from 'react';
import { acceptInvitationAction } from '@/lib/members/invitation-actions';
import { TextInput } from '@/components/ui/text-input';
import { primaryButtonClass } from '@/components/ui/styles';


/** Local mode: accept an invitation (as the signed-in user, or as a new user with a name). */
export function AcceptInvitationForm({ token, signedIn }: { token: string; signedIn: boolean }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  const errors = state?.fieldErrors ?? {};
  const field = (name: 'firstName' | 'lastName', label: string, autoComplete: string) => (
    <div>
      <label htmlFor={`invite-${name}`} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <TextInput
        className="mt-1"
        id={`invite-${name}`}
        name={name}
        required
        maxLength={80}
        autoComplete={autoComplete}
        aria-invalid={Boolean(errors[name]?.length)}
        aria-describedby={errors[name]?.length ? `invite-${name}-error` : undefined}
      />
      {errors[name]?.length ? (
        <p id={`invite-${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {errors[name].join(' ')}
        </p>
      ) : null}
    </div>
  );
  return (
    <form action={action} aria-label="Accept invitation" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {state?.formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-900">
          {state.formError}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {signedIn ? (
        <>
          <input type="hidden" name="firstName" value="-" />
          <input type="hidden" name="lastName" value="-" />
        </>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {field('firstName', 'First name', 'given-name')}
          {field('lastName', 'Last name', 'family-name')}
        </div>
      )}
      <button
        type="submit"
        disabled={pending}
        className={`${primaryButtonClass} w-full`}
      >
        {pending ? 'Joining…' : 'Accept invitation'}
      </button>
    </form>
  );
}
