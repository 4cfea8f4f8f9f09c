'use client';

import { moveViolationStatusAction } from '../actions/move-violation-status';
import { STATUS_LABELS, type ViolationStatusValue } from '@/lib/zod/schemas/violations';
import { FormError } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';

const VERB: Record<ViolationStatusValue, string> = {
  open: 'Reopen',
  in_progress: 'Start work',
  fixed: 'Mark fixed',
  verified: 'Verify fix',
};

/** The next steps a violation may take, as buttons (one form, the pressed button sends `status`). */
export function StatusControls({ id, next }: { id: string; next: ViolationStatusValue[] }) {
  const { pending, onSubmit, formError } = useFormAction(moveViolationStatusAction);
  if (!next.length) return null;
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <FormError message={formError} />
      <div className="flex flex-wrap gap-2">
        {next.map((s) => (
          <button
            key={s}
            type="submit"
            name="status"
            value={s}
            disabled={pending}
            className={
              s === 'open'
                ? 'inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60'
                : 'inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60'
            }
          >
            {VERB[s]}
            <span className="sr-only"> (move to {STATUS_LABELS[s]})</span>
          </button>
        ))}
      </div>
      {pending ? (
        <p role="status" className="text-sm text-slate-600">
          Saving…
        </p>
      ) : null}
    </form>
  );
}
