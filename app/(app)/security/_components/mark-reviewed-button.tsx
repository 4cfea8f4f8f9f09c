'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/tenant-action';

type Action = (
  prev: ActionResult<{ reviewedAt: string }> | null,
  input: FormData,
) => Promise<ActionResult<{ reviewedAt: string }>>;

/** Acknowledge the open alerts up to the newest one shown (`through`), which quiets the shell's banner. */
export function MarkReviewedButton({ action, through }: { action: Action; through: string }) {
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="through" value={through} />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-70"
      >
        {pending ? 'Saving…' : 'Mark alerts reviewed'}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
