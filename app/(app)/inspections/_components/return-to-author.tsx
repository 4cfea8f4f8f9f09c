'use client';

import { useActionState } from 'react';
import { returnInspectionAction } from '../actions/return-inspection';
import { Field } from '@/components/forms/field';
import { TextArea } from '@/components/ui/text-input';

/** A reviewer sends a submitted report back: the comment is what the author will read on the inspection. */
export function ReturnForm({ inspectionId }: { inspectionId: string }) {
  const [state, action, pending] = useActionState(returnInspectionAction, null);
  const error = state && !state.ok ? state.fieldErrors?.comment : undefined;
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="flex min-h-11 cursor-pointer items-center text-base font-semibold text-slate-900">
        Return to the author with a comment
      </summary>
      <form action={action} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="inspectionId" value={inspectionId} />
        {state && !state.ok && state.formError ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            {state.formError}
          </p>
        ) : null}
        <Field id="return-comment" name="comment" label="What needs to change" errors={error} required>
          {(p) => <TextArea {...p} rows={3} maxLength={2000} />}
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 w-full rounded-md border border-slate-300 bg-white px-4 text-base font-semibold text-slate-900 hover:bg-slate-50 disabled:opacity-60 sm:w-auto"
        >
          {pending ? 'Returning…' : 'Return to author'}
        </button>
      </form>
    </details>
  );
}

/** On a returned draft: who sent it back, when (site time), and why. */
export function ReturnedNotice({
  by,
  at,
  atIso,
  comment,
  canEdit,
}: {
  by: string;
  at: string;
  atIso: string;
  comment: string;
  canEdit: boolean;
}) {
  return (
    <section
      role="status"
      aria-labelledby="returned-heading"
      data-testid="returned-notice"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
    >
      <h2 id="returned-heading" className="text-base font-semibold">
        Returned for changes
      </h2>
      <p className="mt-1 text-sm">
        {by} returned this report on <time dateTime={atIso}>{at}</time>:
      </p>
      <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-amber-400 pl-3 text-base">{comment}</blockquote>
      {canEdit ? <p className="mt-2 text-sm">Edit the answers below and submit again.</p> : null}
    </section>
  );
}
