'use client';

import { useActionState } from 'react';
import { requestSupportGrantAction, supportSignInAction } from '../_actions/support-actions';
import { MAX_GRANT_MINUTES_LABEL } from './limits';
import { TextArea, TextInput } from '@/components/ui/text-input';

const button = 'min-h-12 rounded-md bg-slate-900 px-5 text-base font-semibold text-white disabled:opacity-60';

function Error({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-800">
      {message}
    </p>
  ) : null;
}

export function SupportSignInForm() {
  const [state, action, pending] = useActionState(supportSignInAction, null);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" aria-label="Support sign-in">
      <Error id="support-signin-error" message={state?.formError} />
      <div>
        <label htmlFor="support-name" className="block text-sm font-medium text-slate-900">Name</label>
        <TextInput className="mt-1" id="support-name" name="name" autoComplete="username" required defaultValue={state?.values?.name} />
      </div>
      <div>
        <label htmlFor="support-key" className="block text-sm font-medium text-slate-900">Personal support key</label>
        <TextInput className="mt-1" id="support-key" name="key" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" disabled={pending} className={button}>Sign in</button>
    </form>
  );
}

export function GrantRequestForm() {
  const [state, action, pending] = useActionState(requestSupportGrantAction, null);
  const err = (k: string) => state?.fieldErrors?.[k]?.join(' ');
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" aria-label="Request support access">
      <Error id="grant-error" message={state?.formError} />
      <div>
        <label htmlFor="grant-org" className="block text-sm font-medium text-slate-900">Organization id</label>
        <TextInput className="mt-1" id="grant-org" name="orgId" required defaultValue={state?.values?.orgId} aria-invalid={Boolean(err('orgId'))} aria-describedby={err('orgId') ? 'grant-org-error' : undefined} />
        {err('orgId') ? <p id="grant-org-error" className="mt-1 text-sm text-red-700">{err('orgId')}</p> : null}
      </div>
      <div>
        <label htmlFor="grant-reason" className="block text-sm font-medium text-slate-900">Reason (shown to the customer&apos;s owners)</label>
        <TextArea id="grant-reason" name="reason" required rows={3} className="mt-1 py-2" defaultValue={state?.values?.reason} aria-invalid={Boolean(err('reason'))} aria-describedby={err('reason') ? 'grant-reason-error' : undefined} />
        {err('reason') ? <p id="grant-reason-error" className="mt-1 text-sm text-red-700">{err('reason')}</p> : null}
      </div>
      <div>
        <label htmlFor="grant-minutes" className="block text-sm font-medium text-slate-900">Minutes ({MAX_GRANT_MINUTES_LABEL})</label>
        <TextInput className="mt-1" id="grant-minutes" name="minutes" type="number" min={5} max={30} defaultValue={state?.values?.minutes ?? 30} required aria-invalid={Boolean(err('minutes'))} aria-describedby={err('minutes') ? 'grant-minutes-error' : undefined} />
        {err('minutes') ? <p id="grant-minutes-error" className="mt-1 text-sm text-red-700">{err('minutes')}</p> : null}
      </div>
      <button type="submit" disabled={pending} className={button}>Open a time-limited grant</button>
    </form>
  );
}
