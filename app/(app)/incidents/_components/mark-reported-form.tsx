'use client';

import { markIncidentReportedAction } from '../actions/mark-incident-reported';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { ZonedDateTimeInput } from '@/components/forms/zoned-date-time-input';
import { TextInput } from '@/components/ui/text-input';

/** "Reported to OSHA at …": stops the 1904.39 clock. The time is read in the site's zone. */
export function MarkReportedForm({ incidentId, timeZone, zoneLabel }: { incidentId: string; timeZone: string; zoneLabel: string }) {
  const { formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(markIncidentReportedAction, {
    errorId: `reported-error-${incidentId}`,
  });
  const f = (name: string) => ({ name, errors: fieldErrors[name], idPrefix: `reported-${incidentId}` });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label="Record the report to OSHA">
      <FormError id={`reported-error-${incidentId}`} message={formError} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field {...f('reportedAt')} label="Reported to OSHA at" hint={`Site time (${zoneLabel}).`} required>
          {(p) => <ZonedDateTimeInput {...p} timeZone={timeZone} />}
        </Field>
        <Field {...f('reportReference')} label="OSHA reference">
          {(p) => <TextInput {...p} type="text" maxLength={200} autoComplete="off" />}
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Record the report
      </SubmitButton>
    </form>
  );
}
