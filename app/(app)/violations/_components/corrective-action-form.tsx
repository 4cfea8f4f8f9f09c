'use client';

import { useEffect, useRef } from 'react';
import { LocalDraftNote } from '@/components/forms/local-draft-status';
import { useLocalDraft } from '@/components/forms/use-local-draft';
import { addCorrectiveActionAction } from '../actions/add-corrective-action';
import { Field, FormError, inputClass, SubmitButton } from './field';
import { LocalDateTimeInput } from './local-datetime-input';
import { useActionForm } from './use-action-form';

/**
 * Plan a fix: what, who (optional), by when. Kept on this device until added;
 * a retried add (same idempotency key) returns the first one. Clears itself
 * after a successful add.
 */
export function CorrectiveActionForm({
  violationId,
  members,
  defaultDue,
  idempotencyKey,
}: {
  violationId: string;
  members: { userId: string; name: string }[];
  defaultDue: string;
  idempotencyKey: string;
}) {
  const { state, pending, onSubmit, formError, fieldErrors } = useActionForm(addCorrectiveActionAction);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useLocalDraft(formRef, `corrective-action:${violationId}`, { idempotencyKey });
  const clearDraft = draft.clear;
  useEffect(() => {
    if (!state?.ok) return;
    clearDraft();
    formRef.current?.reset();
  }, [state, clearDraft]);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="violationId" value={violationId} />
      <input type="hidden" name="idempotencyKey" value={draft.idempotencyKey} />
      <FormError message={formError} />
      {state?.ok ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          Corrective action added.
        </p>
      ) : null}
      <Field
        id="ca-description"
        label="Corrective action"
        errors={fieldErrors.description ?? fieldErrors.violationId}
        required
      >
        {(p) => <textarea {...p} name="description" rows={3} className={inputClass} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="ca-assignedTo" label="Assigned to" errors={fieldErrors.assignedTo}>
          {(p) => (
            <select {...p} name="assignedTo" defaultValue="" className={inputClass}>
              <option value="">Nobody yet</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ca-dueAt" label="Due" errors={fieldErrors.dueAt} required>
          {(p) => <LocalDateTimeInput {...p} name="dueAt" initial={defaultDue} className={inputClass} />}
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add corrective action
      </SubmitButton>
      <LocalDraftNote status={draft.status} onDiscard={draft.discard} />
    </form>
  );
}
