'use client';

import { advanceCorrectiveActionAction } from '../actions/advance-corrective-action';
import type { ViolationStatusValue } from '@/lib/zod/schemas/violations';
import { FormError } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';

const VERB: Record<ViolationStatusValue, string> = {
  open: 'Reopen',
  in_progress: 'Start',
  fixed: 'Mark fixed',
  verified: 'Verify',
};

/** Buttons for a corrective action's next steps (the server re-checks who may verify). */
export function CorrectiveActionControls({
  id,
  next,
  label,
}: {
  id: string;
  next: ViolationStatusValue[];
  label: string;
}) {
  const { pending, onSubmit, formError } = useFormAction(advanceCorrectiveActionAction);
  if (!next.length) return null;
  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-2">
      <input type="hidden" name="id" value={id} />
      <FormError message={formError} />
      <div className="flex flex-wrap gap-2">
        {next.map((s) => (
          <button
            key={s}
            type="submit"
            name="to"
            value={s}
            disabled={pending}
            aria-label={`${VERB[s]}: ${label}`}
            className={
              s === 'open'
                ? 'inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60'
                : 'inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60'
            }
          >
            {pending ? 'Saving…' : VERB[s]}
          </button>
        ))}
      </div>
    </form>
  );
}
