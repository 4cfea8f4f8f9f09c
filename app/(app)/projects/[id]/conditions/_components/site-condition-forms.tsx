'use client';

import { useEffect, useRef } from 'react';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { ZonedDateTimeInput } from '@/components/forms/zoned-date-time-input';
import { SITE_PERIOD_KINDS, SITE_PERIOD_LABELS } from '@/lib/zod/schemas/site-conditions';
import { endSitePeriodAction } from '../actions/end-site-period';
import { recordSitePeriodAction } from '../actions/record-site-period';
import { recordSnowmeltAction } from '../actions/record-snowmelt';
import { Select, TextInput } from '@/components/ui/text-input';

/** Clears the form after a save, so the next entry starts blank. */
function useResetOnSave(state: { ok: boolean } | null, formRef: React.RefObject<HTMLFormElement | null>) {
  const handled = useRef<typeof state>(null);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      formRef.current?.reset();
    }
  }, [state, formRef]);
}

/** Record a reduced-frequency period (CGP 2022 Part 4.4); dates are the site's local dates. */
export function SitePeriodForm({ projectId }: { projectId: string }) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(recordSitePeriodAction, { errorId: 'period-form-error' });
  useResetOnSave(state, formRef);
  const f = (name: string) => ({ name, errors: fieldErrors[name], idPrefix: 'period' });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Record a reduced-frequency period">
      <FormError id="period-form-error" message={formError} />
      <p role="status" className="text-sm font-medium text-green-800 empty:hidden">
        {state?.ok ? 'Period saved. Deadlines recomputed.' : ''}
      </p>
      <input type="hidden" name="projectId" value={projectId} />
      <Field {...f('kind')} label="Condition" required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {SITE_PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {SITE_PERIOD_LABELS[k].label} ({SITE_PERIOD_LABELS[k].part.replace('CGP 2022 ', '')})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...f('startsOn')} label="First day" required>
          {(p) => <TextInput {...p} type="date" />}
        </Field>
        <Field {...f('endsOn')} label="Last day" hint="Leave empty while it lasts.">
          {(p) => <TextInput {...p} type="date" />}
        </Field>
      </div>
      <Field {...f('note')} label="Note">
        {(p) => <TextInput {...p} type="text" maxLength={500} placeholder="e.g. final stabilization of the north phase" />}
      </Field>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save period
      </SubmitButton>
    </form>
  );
}

/** Record a snowmelt discharge; the time is typed in the site's zone. */
export function SnowmeltForm({ projectId, timeZone }: { projectId: string; timeZone: string }) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(recordSnowmeltAction, { errorId: 'snowmelt-form-error' });
  useResetOnSave(state, formRef);
  const f = (name: string) => ({ name, errors: fieldErrors[name], idPrefix: 'snowmelt' });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Record a snowmelt discharge">
      <FormError id="snowmelt-form-error" message={formError} />
      <p role="status" className="text-sm font-medium text-green-800 empty:hidden">
        {state?.ok ? 'Snowmelt discharge saved. Deadlines recomputed.' : ''}
      </p>
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...f('dischargeAt')} label="Discharge started" required>
          {(p) => <ZonedDateTimeInput {...p} timeZone={timeZone} />}
        </Field>
        <Field {...f('snowInches')} label="Snow that melted (inches)" hint="3.25 in or more makes an inspection due within 24 hours." required>
          {(p) => <TextInput {...p} type="text" inputMode="decimal" autoComplete="off" placeholder="4.0" />}
        </Field>
      </div>
      <Field {...f('note')} label="Note">
        {(p) => <TextInput {...p} type="text" maxLength={500} />}
      </Field>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save snowmelt discharge
      </SubmitButton>
    </form>
  );
}

/** Set the last day of an open (or closed) period. */
export function EndPeriodForm({ id, label }: { id: string; label: string }) {
  const { formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(endSitePeriodAction, { errorId: `end-${id}-error` });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 flex flex-wrap items-end gap-2" aria-label={`End ${label}`}>
      <FormError id={`end-${id}-error`} message={formError} />
      <input type="hidden" name="id" value={id} />
      <Field name="endsOn" idPrefix={`end-${id}`} label="Last day" errors={fieldErrors.endsOn} required>
        {(p) => <TextInput {...p} type="date" />}
      </Field>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set last day
      </SubmitButton>
    </form>
  );
}
