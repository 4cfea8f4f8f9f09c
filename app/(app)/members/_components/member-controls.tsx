'use client';

import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { useActionState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/tenant-action';
import { Select } from '@/components/ui/text-input';

type Action<T> = (prev: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

const button = 'inline-flex min-h-11 items-center justify-center rounded-md px-3 text-sm font-semibold disabled:opacity-70';

/** One member's role select and Remove button (the server refuses what the rules forbid, lib/members/rules.ts). */
export function MemberControls({
  membershipId,
  name,
  role,
  roles,
  changeRole,
  remove,
}: {
  membershipId: string;
  name: string;
  role: string;
  roles: { value: string; label: string }[];
  changeRole: Action<{ changed: boolean }>;
  remove: Action<{ removed: boolean }>;
}) {
  const [roleState, dispatchRole, rolePending] = useActionState(changeRole, null);
  const [removeState, dispatchRemove, removePending] = useActionState(remove, null);
  const [transitioning, startTransition] = useTransition();
  const busy = rolePending || removePending || transitioning;
  const error = (roleState && !roleState.ok ? roleState.formError : undefined) ?? (removeState && !removeState.ok ? removeState.formError : undefined);

  function submit(event: FormEvent<HTMLFormElement>, dispatch: (f: FormData) => void) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-end gap-2">
        <form onSubmit={(e) => submit(e, dispatchRole)} className="flex items-end gap-2" aria-label={`Role of ${name}`}>
          <input type="hidden" name="membershipId" value={membershipId} />
          <label className="text-xs text-slate-600">
            <span className="sr-only">Role of {name}</span>
            <Select name="role" defaultValue={role}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" disabled={busy} className={`${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
            Change role
          </button>
        </form>
        <form
          onSubmit={(e) => {
            if (!window.confirm(`Remove ${name} from this organization? They lose access at once.`)) {
              e.preventDefault();
              return;
            }
            submit(e, dispatchRemove);
          }}
          aria-label={`Remove ${name}`}
        >
          <input type="hidden" name="membershipId" value={membershipId} />
          <button type="submit" disabled={busy} className={`${button} text-red-700 hover:bg-red-50`}>
            Remove
          </button>
        </form>
      </div>
      {error ? (
        <div role="alert" className="text-sm font-medium text-red-700">
          {error}
          <StepUpPrompt show={(roleState?.ok === false && roleState.stepUp === true) || (removeState?.ok === false && removeState.stepUp === true)} />
        </div>
      ) : roleState?.ok && roleState.data.changed ? (
        <p role="status" className="text-sm text-green-800">
          Role changed.
        </p>
      ) : null}
    </div>
  );
}

/** Withdraw an open invitation. */
export function RevokeInvitation({ invitationId, email, revoke }: { invitationId: string; email: string; revoke: Action<{ revoked: boolean }> }) {
  const [state, dispatch, pending] = useActionState(revoke, null);
  const [transitioning, startTransition] = useTransition();
  return (
    <form
      aria-label={`Withdraw the invitation of ${email}`}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending || transitioning} className={`${button} text-red-700 hover:bg-red-50`}>
        Withdraw
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
