'use client';

import { FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { cancelDeletionAction } from '../actions/cancel-deletion';

export function CancelDeletionForm() {
  const { formRef, onSubmit, pending, formError } = useFormAction(cancelDeletionAction, { errorId: 'cancel-deletion-error' });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError id="cancel-deletion-error" message={formError} />
      <SubmitButton pending={pending} pendingLabel="Cancelling…">
        Cancel the deletion
      </SubmitButton>
    </form>
  );
}
