'use client';

import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { FormError } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { secondaryButtonClass } from '@/components/ui/styles';
import { releaseHoldAction } from '../actions/release-hold';

/** Release asks for a recent second factor: once released, the next purge may remove what was held. */
export function ReleaseHoldButton({ holdId, label }: { holdId: string; label: string }) {
  const { state, formRef, onSubmit, pending, formError } = useFormAction(releaseHoldAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="holdId" value={holdId} />
      <FormError message={formError} />
      <StepUpPrompt show={state?.ok === false && state.stepUp === true} />
      <button type="submit" disabled={pending} aria-label={`Release the hold on ${label}`} className={secondaryButtonClass}>
        {pending ? 'Releasing…' : 'Release'}
      </button>
    </form>
  );
}
