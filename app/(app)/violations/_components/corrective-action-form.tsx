'use client';

import { useEffect } from 'react';
import { LocalDraftNote } from '@/components/forms/local-draft-status';
import { useLocalDraft } from '@/components/forms/use-local-draft';
import { addCorrectiveActionAction } from '../actions/add-corrective-action';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { TextArea } from '@/components/ui/text-input';
import { ZonedDateTimeInput } from '@/components/forms/zoned-date-time-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { ActionKindField, useDueFollowsKind } from './action-kind-field';
import type { ActionKind } from '@/lib/zod/schemas/violations';
import { AssigneeField } from './assignee-field';

/**
 * Plan a fix: what, who (optional), by when. Kept on this device until added;
 * a retried add (same idempotency key) returns the first one. Clears itself
 * after a successful add.
 */
export function CorrectiveActionForm({
  violationId,
  members,
  dueByKind,
  idempotencyKey,
  timeZone,
}: {
  violationId: string;
  members: { userId: string; name: string }[];
  /** The proposed due instant (ISO) for each kind of work; the field follows the kind chosen. */
  dueByKind: Record<ActionKind, string>;
  idempotencyKey: string;
  /** The site's zone: "Due" is typed in it. */
  timeZone: string;
}) {
  const { state, formRef, pending, onSubmit, formError, fieldErrors } = useFormAction(addCorrectiveActionAction);
  const draft = useLocalDraft(formRef, `corrective-action:${violationId}`, { idempotencyKey });
  const clearDraft = draft.clear;
  const onKind = useDueFollowsKind(formRef, 'dueAt', timeZone, dueByKind);
  useEffect(() => {
    if (!state?.ok) return;
    clearDraft();
    formRef.current?.reset();
  }, [state, clearDraft, formRef]);
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
        {(p) => <TextArea {...p} name="description" />}
      </Field>
      <ActionKindField idPrefix="ca" errors={fieldErrors.kind} onKind={onKind} />
      <div className="grid gap-4 sm:grid-cols-2">
        <AssigneeField id="ca-assignedTo" members={members} errors={fieldErrors.assignedTo} />
        <Field id="ca-dueAt" label="Due" errors={fieldErrors.dueAt} required>
          {(p) => <ZonedDateTimeInput {...p} name="dueAt" timeZone={timeZone} initial={dueByKind.corrective_action} />}
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add corrective action
      </SubmitButton>
      <LocalDraftNote status={draft.status} onDiscard={draft.discard} />
    </form>
  );
}
