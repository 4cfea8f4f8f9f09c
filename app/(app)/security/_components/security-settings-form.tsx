'use client';

import Link from 'next/link';
import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { TextInput } from '@/components/ui/text-input';
import type { ActionResult } from '@/lib/actions/tenant-action';
import { Checkbox } from '@/components/ui/choice';

type Values = {
  breachAttemptThreshold: number;
  breachAttemptWindowMinutes: number;
  accessDeniedThreshold: number;
  accessDeniedWindowMinutes: number;
  offHoursAlertsEnabled: boolean;
};
type Action = (
  prev: ActionResult<{ saved: boolean }> | null,
  input: FormData,
) => Promise<ActionResult<{ saved: boolean }>>;

/**
 * Alert thresholds and the off-hours alert switch (business hours and zone live on /settings). Keeps what was typed after a failed
 * save (no automatic form reset) and moves focus to the first invalid field.
 */
export function SecuritySettingsForm({
  action,
  values,
  businessHours,
}: {
  action: Action;
  values: Values;
  /** The organization's business hours and zone, edited on /settings. */
  businessHours: string;
}) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors: errors } = useFormAction(action, {
    errorId: 'security-settings-error',
  });
  const f = (name: keyof Values, label: string, hint?: string) => ({
    name,
    label,
    hint,
    errors: errors[name],
    idPrefix: 's',
    required: true,
  });
  const count = (name: keyof Values, label: string, max: number, hint?: string) => (
    <Field {...f(name, label, hint)}>
      {(p) => <TextInput {...p} type="number" inputMode="numeric" min={1} max={max} defaultValue={String(values[name])} />}
    </Field>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Security settings">
      <FormError id="security-settings-error" message={formError} />
      <StepUpPrompt show={state?.ok === false && state.stepUp === true} />
      {state?.ok ? (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 p-3 text-sm font-medium text-green-800"
        >
          Saved. Alerts below use the new thresholds.
        </p>
      ) : null}

      <label className="flex min-h-11 items-center gap-3 text-sm text-slate-900">
        <Checkbox
          name="offHoursAlertsEnabled"
          defaultChecked={values.offHoursAlertsEnabled}
        />
        Alert when someone signs in outside business hours (once per person per day)
      </label>
      <p className="text-sm text-slate-600">
        Business hours: {businessHours}.{' '}
        <Link href="/settings#compliance" className="font-medium text-brand-700 underline">
          Change them in Settings
        </Link>
        .
      </p>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Alert thresholds</legend>
        {count('breachAttemptThreshold', 'Requests for unknown records', 1000, 'Critical alert at this many by one person…')}
        {count('breachAttemptWindowMinutes', '…within minutes', 1440)}
        {count('accessDeniedThreshold', 'Refused actions', 1000, 'Warning at this many by one person…')}
        {count('accessDeniedWindowMinutes', '…within minutes', 1440)}
      </fieldset>

      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}
