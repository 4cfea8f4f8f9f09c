'use client';

import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { Field, FormError } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { requestDeletionAction } from '../actions/request-deletion';
import { TextInput } from '@/components/ui/text-input';

/** The owner types the organization's name; the button stays a plain red submit (no double dialogs). */
export function DeleteOrganizationForm({ name }: { name: string }) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(requestDeletionAction, { errorId: 'delete-org-error' });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError id="delete-org-error" message={formError} />
      <StepUpPrompt show={state?.ok === false && state.stepUp === true} />
      <Field
        name="confirmName"
        idPrefix="delete"
        label="Type the organization’s name to confirm"
        hint={
          <>
            Type <strong className="font-semibold text-slate-900">{name}</strong> exactly.
          </>
        }
        errors={fieldErrors.confirmName}
        required
      >
        {(c) => <TextInput {...c} type="text" autoComplete="off" spellCheck={false} maxLength={120} />}
      </Field>
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-md bg-red-700 px-5 text-base font-semibold text-white hover:bg-red-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:opacity-60 sm:w-auto"
      >
        {pending ? 'Scheduling…' : 'Delete this organization'}
      </button>
    </form>
  );
}
