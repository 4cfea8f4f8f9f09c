'use client';

import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { startExportAction } from '../actions/start-export';

/** One button: the export takes no input. Refused without a recent second factor (the prompt links to verify). */
export function StartExportForm({ disabled }: { disabled: boolean }) {
  const { state, formRef, onSubmit, pending, formError } = useFormAction(startExportAction, { errorId: 'start-export-error' });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError id="start-export-error" message={formError} />
      <StepUpPrompt show={state?.ok === false && state.stepUp === true} />
      {disabled ? (
        <p className="text-sm text-slate-700">An export is running. You can start another once it has finished.</p>
      ) : (
        <SubmitButton pending={pending} pendingLabel="Starting…">
          Start an export
        </SubmitButton>
      )}
    </form>
  );
}
