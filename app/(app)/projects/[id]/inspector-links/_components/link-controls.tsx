'use client';

import { revokeInspectorLinkAction } from '../actions/revoke-inspector-link';
import { setInspectorLinkExpiryAction } from '../actions/set-inspector-link-expiry';
import { FormError, inputClass, secondaryButtonClass } from '../../../_components/form-controls';
import { useFormAction } from '../../../_components/use-form-action';

/** Revoke and change the last day of one live link. */
export function LinkControls({ linkId, label, expiresOn }: { linkId: string; label: string; expiresOn: string }) {
  const revoke = useFormAction(revokeInspectorLinkAction, { errorId: `revoke-${linkId}-error` });
  const expiry = useFormAction(setInspectorLinkExpiryAction, { errorId: `expiry-${linkId}-error` });
  return (
    <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
      <form ref={expiry.formRef} onSubmit={expiry.onSubmit} className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end" noValidate>
        <input type="hidden" name="id" value={linkId} />
        <div className="flex-1">
          <label htmlFor={`expiry-${linkId}`} className="block text-sm font-medium text-slate-900">
            Last day <span className="font-normal text-slate-500">(blank: no expiry)</span>
          </label>
          <input
            id={`expiry-${linkId}`}
            name="expiresOn"
            type="date"
            defaultValue={expiresOn}
            aria-invalid={Boolean(expiry.fieldErrors.expiresOn?.length)}
            className={`${inputClass} mt-1`}
          />
        </div>
        <button type="submit" disabled={expiry.pending} className={secondaryButtonClass}>
          {expiry.pending ? 'Saving…' : 'Save expiry'}
        </button>
        <FormError id={`expiry-${linkId}-error`} message={expiry.formError} />
      </form>
      <form ref={revoke.formRef} onSubmit={revoke.onSubmit}>
        <input type="hidden" name="id" value={linkId} />
        <button
          type="submit"
          disabled={revoke.pending}
          className={`${secondaryButtonClass} w-full text-red-800`}
          aria-label={`Revoke link ${label}`}
        >
          {revoke.pending ? 'Revoking…' : 'Revoke'}
        </button>
        <FormError id={`revoke-${linkId}-error`} message={revoke.formError} />
      </form>
    </div>
  );
}
