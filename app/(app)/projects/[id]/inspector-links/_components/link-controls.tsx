'use client';

import { revokeInspectorLinkAction } from '../actions/revoke-inspector-link';
import { setInspectorLinkExpiryAction } from '../actions/set-inspector-link-expiry';
import { FormError } from '@/components/forms/field';
import { secondaryButtonClass } from '@/components/ui/styles';
import { useFormAction } from '@/components/forms/use-form-action';
import { TextInput } from '@/components/ui/text-input';

function ExpiryForm({ linkId, expiresOn }: { linkId: string; expiresOn: string }) {
  const { formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(setInspectorLinkExpiryAction, {
    errorId: `expiry-${linkId}-error`,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end" noValidate>
      <input type="hidden" name="id" value={linkId} />
      <div className="flex-1">
        <label htmlFor={`expiry-${linkId}`} className="block text-sm font-medium text-slate-900">
          Last day <span className="font-normal text-slate-500">(blank: no expiry)</span>
        </label>
        <TextInput
          id={`expiry-${linkId}`}
          name="expiresOn"
          type="date"
          defaultValue={expiresOn}
          aria-invalid={Boolean(fieldErrors.expiresOn?.length)}
          className="mt-1"
        />
      </div>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? 'Saving…' : 'Save expiry'}
      </button>
      <FormError id={`expiry-${linkId}-error`} message={formError} />
    </form>
  );
}

function RevokeButton({ linkId, label }: { linkId: string; label: string }) {
  const { formRef, onSubmit, pending, formError } = useFormAction(revokeInspectorLinkAction, {
    errorId: `revoke-${linkId}-error`,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <input type="hidden" name="id" value={linkId} />
      <button
        type="submit"
        disabled={pending}
        className={`${secondaryButtonClass} w-full text-red-800`}
        aria-label={`Revoke link ${label}`}
      >
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      <FormError id={`revoke-${linkId}-error`} message={formError} />
    </form>
  );
}

/** Revoke and change the last day of one live link. */
export function LinkControls({ linkId, label, expiresOn }: { linkId: string; label: string; expiresOn: string }) {
  return (
    <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
      <ExpiryForm linkId={linkId} expiresOn={expiresOn} />
      <RevokeButton linkId={linkId} label={label} />
    </div>
  );
}
