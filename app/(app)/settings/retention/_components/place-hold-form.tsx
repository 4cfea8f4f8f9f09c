'use client';

import { Field, FormError } from '@/components/forms/field';
import { SelectField } from '@/components/forms/select-field';
import { useFormAction } from '@/components/forms/use-form-action';
import { primaryButtonClass } from '@/components/ui/styles';
import { TextArea } from '@/components/ui/text-input';
import { placeHoldAction } from '../actions/place-hold';

/** A hold on the whole organization (no project chosen) or on one project, with its reason. */
export function PlaceHoldForm({ projects }: { projects: { id: string; name: string }[] }) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(placeHoldAction, { errorId: 'place-hold-error' });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError id="place-hold-error" message={formError} />
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          Hold placed. Nothing it covers will be purged until it is released.
        </p>
      ) : null}
      <SelectField
        name="projectId"
        idPrefix="hold"
        label="Hold"
        blank="The whole organization"
        options={projects.map((p) => ({ value: p.id, label: p.name }))}
        errors={fieldErrors.projectId}
      />
      <Field name="reason" idPrefix="hold" label="Reason" hint="A matter, a request, a regulator’s inquiry." errors={fieldErrors.reason} required>
        {(c) => <TextArea {...c} rows={2} maxLength={500} />}
      </Field>
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full sm:w-auto`}>
        {pending ? 'Placing…' : 'Place legal hold'}
      </button>
    </form>
  );
}
