'use client';

import { confirmFindingAction, dismissFindingAction } from '../actions/review-finding';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { ZonedDateTimeInput } from '@/components/forms/zoned-date-time-input';
import { ActionKindField, useDueFollowsKind } from './action-kind-field';
import type { ActionKind } from '@/lib/zod/schemas/violations';
import { AssigneeField } from './assignee-field';
import { TextArea } from '@/components/ui/text-input';

/**
 * A reviewer's decision on a reported finding. Confirm: the violation's
 * deadline and its corrective action (by default assigned to whoever reported
 * it: the crew on site fixes it). Dismiss: the reason, kept with the record.
 */
export function FindingReview({
  id,
  members,
  reportedBy,
  defaultDescription,
  defaultDeadline,
  dueByKind,
  timeZone,
  idempotencyKey,
}: {
  id: string;
  members: { userId: string; name: string }[];
  reportedBy: string;
  defaultDescription: string;
  defaultDeadline: string;
  /** The proposed "Fix due" (ISO) for each kind of work; the field follows the kind chosen. */
  dueByKind: Record<ActionKind, string>;
  /** The site's zone: the times typed here are read in it (docs/time-zones.md). */
  timeZone: string;
  idempotencyKey: string;
}) {
  const { formRef: confirmRef, ...confirm } = useFormAction(confirmFindingAction);
  const { formRef: dismissRef, ...dismiss } = useFormAction(dismissFindingAction);
  const onKind = useDueFollowsKind(confirmRef, 'dueAt', timeZone, dueByKind);
  return (
    <div className="space-y-6">
      <form ref={confirmRef} onSubmit={confirm.onSubmit} noValidate className="space-y-4" aria-labelledby="confirm-h">
        <h3 id="confirm-h" className="text-base font-semibold text-slate-900">
          Confirm: open a violation and assign the fix
        </h3>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <FormError message={confirm.formError ?? confirm.fieldErrors.id?.[0]} />
        <Field id="cf-description" label="Corrective action" errors={confirm.fieldErrors.description} required>
          {(p) => <TextArea {...p} name="description" rows={3} defaultValue={defaultDescription} />}
        </Field>
        <ActionKindField idPrefix="cf" errors={confirm.fieldErrors.kind} onKind={onKind} />
        <AssigneeField id="cf-assignedTo" members={members} errors={confirm.fieldErrors.assignedTo} defaultValue={reportedBy} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="cf-dueAt" label="Fix due" errors={confirm.fieldErrors.dueAt} required>
            {(p) => <ZonedDateTimeInput {...p} name="dueAt" timeZone={timeZone} initial={dueByKind.corrective_action} />}
          </Field>
          <Field id="cf-deadline" label="Violation deadline" errors={confirm.fieldErrors.deadline} required>
            {(p) => <ZonedDateTimeInput {...p} name="deadline" timeZone={timeZone} initial={defaultDeadline} />}
          </Field>
        </div>
        <SubmitButton pending={confirm.pending} pendingLabel="Confirming…">
          Confirm finding
        </SubmitButton>
      </form>

      <form ref={dismissRef} onSubmit={dismiss.onSubmit} noValidate className="space-y-4 border-t border-slate-200 pt-4" aria-labelledby="dismiss-h">
        <h3 id="dismiss-h" className="text-base font-semibold text-slate-900">
          Dismiss: not a violation
        </h3>
        <input type="hidden" name="id" value={id} />
        <FormError message={dismiss.formError ?? dismiss.fieldErrors.id?.[0]} />
        <Field id="df-reason" label="Reason" errors={dismiss.fieldErrors.reason} required>
          {(p) => <TextArea {...p} name="reason" rows={2} />}
        </Field>
        <button
          type="submit"
          disabled={dismiss.pending}
          className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        >
          {dismiss.pending ? 'Dismissing…' : 'Dismiss finding'}
        </button>
      </form>
    </div>
  );
}
