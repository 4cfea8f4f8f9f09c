'use client';

import { setPublicSwpppAction } from '../actions/set-public-swppp';
import { FormError } from '@/components/forms/field';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { useFormAction } from '@/components/forms/use-form-action';

export interface PublicSwpppProps {
  projectId: string;
  /** The newest stored SWPPP version, if any. */
  current: { title: string; version: number; storedLabel: string } | null;
  /** The version the public page links now, if the project publishes it. */
  shown: { title: string; version: number } | null;
}

/** The audited choice to link the current SWPPP from the public QR page (EPA 2022 CGP Part 1.5: where the SWPPP can be read). */
export function PublicSwpppForm({ projectId, current, shown }: PublicSwpppProps) {
  const { state, formRef, onSubmit, pending, formError } = useFormAction(setPublicSwpppAction, { errorId: 'swppp-error' });
  const show = !shown;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="show" value={show ? 'show' : 'hide'} />
      <p className="text-sm text-slate-700" data-testid="public-swppp-state">
        {shown
          ? `The public page links “${shown.title}”, version ${shown.version}. A newer SWPPP version you upload replaces it there.`
          : 'The public page does not link the SWPPP: it shows only where the SWPPP can be read (above).'}
      </p>
      {current ? (
        <p className="text-sm text-slate-600">
          Current SWPPP: “{current.title}”, version {current.version}, uploaded {current.storedLabel}.
        </p>
      ) : (
        <p className="text-sm text-slate-600">No SWPPP uploaded yet: add it under Documents on the project page.</p>
      )}
      <FormError id="swppp-error" message={formError} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending || (show && !current)}
          className={show ? primaryButtonClass : `${secondaryButtonClass} text-red-800`}
        >
          {pending ? 'Saving…' : show ? 'Show the current SWPPP on the public page' : 'Stop showing the SWPPP'}
        </button>
        {state?.ok ? (
          <p role="status" className="text-sm text-green-800">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
