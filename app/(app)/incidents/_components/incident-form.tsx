'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { zoneName } from '@/lib/format/when';
import { INCIDENT_OUTCOMES, OUTCOME_LABELS } from '@/lib/compliance/osha/incident-clocks';
import { createIncidentAction } from '../actions/create-incident';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { ZonedDateTimeInput } from '@/components/forms/zoned-date-time-input';
import { Select, TextArea } from '@/components/ui/text-input';
import { Radio } from '@/components/ui/choice';

/**
 * Report an injury or illness. The date-times are typed at the site and read in
 * the chosen project's zone (never the phone's); the reporting clock (29 CFR
 * 1904.39) starts at "when the company learned of it".
 */
export function IncidentForm({ projects, idempotencyKey }: { projects: { id: string; name: string; timeZone: string }[]; idempotencyKey: string }) {
  const router = useRouter();
  // The site select is controlled: it picks the zone the times are typed in (ZonedDateTimeInput).
  const [chosen, setChosen] = useState(projects.length === 1 ? projects[0]!.id : '');
  const zone = projects.find((p) => p.id === chosen)?.timeZone ?? projects[0]?.timeZone ?? 'UTC';
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(createIncidentAction, {
    errorId: 'incident-form-error',
  });
  useEffect(() => {
    if (state?.ok) router.push('/incidents');
  }, [state, router]);
  const f = (name: string) => ({ name, errors: fieldErrors[name], idPrefix: 'incident' });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Report an incident">
      <FormError id="incident-form-error" message={formError} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field {...f('projectId')} label="Site" required>
        {(p) => (
          <Select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="" disabled>
              Choose a site…
            </option>
            {projects.map((pr) => (
              <option key={pr.id} value={pr.id}>
                {pr.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">
          Injury or illness <span className="text-red-700" aria-hidden="true">*</span>
        </legend>
        <div className="mt-1 flex gap-4">
          {(['injury', 'illness'] as const).map((k) => (
            <label key={k} className="inline-flex min-h-11 items-center gap-2 text-base">
              <Radio name="caseType" value={k} defaultChecked={k === 'injury'} />
              {k === 'injury' ? 'Injury' : 'Illness'}
            </label>
          ))}
        </div>
        {fieldErrors.caseType?.length ? <p className="mt-1 text-sm font-medium text-red-700">{fieldErrors.caseType.join(' ')}</p> : null}
      </fieldset>
      <Field {...f('outcome')} label="Outcome" hint="A fatality must be reported to OSHA within 8 hours; in-patient hospitalization, amputation or loss of an eye within 24 hours." required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="" disabled>
              Choose the outcome…
            </option>
            {INCIDENT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...f('occurredAt')} label="When it happened" hint={`Site time (${zoneName(zone)}).`} required>
          {(p) => <ZonedDateTimeInput {...p} timeZone={zone} />}
        </Field>
        <Field {...f('learnedAt')} label="When the company learned of it" hint="The OSHA clock starts here." required>
          {(p) => <ZonedDateTimeInput {...p} timeZone={zone} />}
        </Field>
        <Field {...f('outcomeAt')} label="When the outcome happened" hint="Only if later than the incident (e.g. a death days after).">
          {(p) => <ZonedDateTimeInput {...p} timeZone={zone} />}
        </Field>
      </div>
      <Field {...f('description')} label="What happened" required>
        {(p) => <TextArea {...p} rows={4} maxLength={5000} />}
      </Field>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save incident
      </SubmitButton>
    </form>
  );
}
