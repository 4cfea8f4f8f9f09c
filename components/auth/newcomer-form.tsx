'use client';

import { useActionState } from 'react';
import { startAsNewcomerAction } from '@/lib/tenancy/local-org-actions';
import { TextInput } from '@/components/ui/text-input';


/** Local mode: try the product as someone new (then create a company on /select-org). */
export function NewcomerForm() {
  const [state, action, pending] = useActionState(startAsNewcomerAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} aria-label="New to BrAve Forms" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">New to BrAve Forms?</h2>
      <p className="text-sm text-slate-600">Start as a new user, then create your company.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {(
          [
            ['firstName', 'First name', 'given-name'],
            ['lastName', 'Last name', 'family-name'],
          ] as const
        ).map(([name, label, autoComplete]) => (
          <div key={name}>
            <label htmlFor={`newcomer-${name}`} className="block text-sm font-medium text-slate-900">
              {label}
            </label>
            <TextInput
              className="mt-1"
              id={`newcomer-${name}`}
              name={name}
              required
              maxLength={80}
              autoComplete={autoComplete}
              aria-invalid={Boolean(errors[name]?.length)}
              aria-describedby={errors[name]?.length ? `newcomer-${name}-error` : undefined}
            />
            {errors[name]?.length ? (
              <p id={`newcomer-${name}-error`} className="mt-1 text-sm font-medium text-red-700">
                {errors[name].join(' ')}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-md border border-brand-700 bg-white px-4 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70"
      >
        {pending ? 'Starting…' : 'Start as a new user'}
      </button>
    </form>
  );
}
