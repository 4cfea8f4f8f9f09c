'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import type { ActionResult } from '@/lib/actions/tenant-action';
import { Select, TextInput } from '@/components/ui/text-input';
import { primaryButtonClass } from '@/components/ui/styles';

type Result = { id: string; path: string; expiresAt: string };
type Action = (prev: ActionResult<Result> | null, input: FormData) => Promise<ActionResult<Result>>;


/** Invite by email and role; the link is shown once, to copy and send (local mode has no email of its own here). */
export function InviteForm({ action, roles }: { action: Action; roles: { value: string; label: string }[] }) {
  const { state, formRef, onSubmit, pending, fieldErrors: errors } = useFormAction(action, { errorId: 'invite-error' });
  const [copiedLink, setCopiedLink] = useState('');
  const failed = state && !state.ok ? state : undefined;
  // Only ever rendered after a submit (client state), so reading window here can't mismatch the server's HTML.
  const link = state?.ok ? `${window.location.origin}${state.data.path}` : '';
  const copied = link !== '' && copiedLink === link;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Invite a member" className="space-y-3">
      {failed ? (
        <div id="invite-error" tabIndex={-1} role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-900 outline-none">
          {failed.formError}
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <div>
          <label htmlFor="invite-email" className="block text-sm font-medium text-slate-900">
            Email
          </label>
          <TextInput
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            className="mt-1"
            aria-invalid={Boolean(errors.email?.length)}
            aria-describedby={errors.email?.length ? 'invite-email-error' : undefined}
          />
          {errors.email?.length ? (
            <p id="invite-email-error" className="mt-1 text-sm font-medium text-red-700">
              {errors.email.join(' ')}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-900">
            Role
          </label>
          <Select id="invite-role" name="role" defaultValue="crew" className="mt-1">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        className={`${primaryButtonClass} w-full sm:w-auto`}
      >
        {pending ? 'Creating link…' : 'Create invitation link'}
      </button>
      {state?.ok ? (
        <div role="status" className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p className="font-medium">Invitation created. Send this link to the new member; it works once, for 7 days.</p>
          <label htmlFor="invite-link" className="sr-only">
            Invitation link
          </label>
          <TextInput id="invite-link" readOnly value={link} className="font-mono text-xs" data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="inline-flex min-h-11 items-center rounded-md border border-green-300 bg-white px-3 font-semibold text-green-900"
            onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopiedLink(link), () => setCopiedLink(''))}
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      ) : null}
    </form>
  );
}
