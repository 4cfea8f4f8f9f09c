'use client';

import Link from 'next/link';
import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { useActionState, useEffect, useRef, useTransition, type FormEvent, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/tenant-action';

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

const input =
  'block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 sm:text-sm';

function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (p: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = `s-${name}`;
  const describedBy =
    [errors?.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-1">
        {children({ id, name, 'aria-invalid': Boolean(errors?.length), 'aria-describedby': describedBy })}
      </div>
      {errors?.length ? (
        <ul id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

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
  const [state, dispatch, actionPending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const pending = actionPending || transitioning;
  const failed = state && !state.ok ? state : undefined;
  const errors = (failed?.fieldErrors ?? {}) as Record<string, string[] | undefined>;

  useEffect(() => {
    if (!state || state.ok) return;
    (
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      document.getElementById('security-settings-error')
    )?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Security settings">
      {failed?.formError ? (
        <p
          id="security-settings-error"
          role="alert"
          tabIndex={-1}
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-800"
        >
          {failed.formError}
        </p>
      ) : null}
      <StepUpPrompt show={failed?.stepUp === true} />
      {state?.ok ? (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 p-3 text-sm font-medium text-green-800"
        >
          Saved. Alerts below use the new thresholds.
        </p>
      ) : null}

      <label className="flex min-h-11 items-center gap-3 text-sm text-slate-900">
        <input
          type="checkbox"
          name="offHoursAlertsEnabled"
          defaultChecked={values.offHoursAlertsEnabled}
          className="size-5 accent-brand-700"
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
        <Field
          name="breachAttemptThreshold"
          label="Requests for unknown records"
          hint="Critical alert at this many by one person…"
          errors={errors.breachAttemptThreshold}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              defaultValue={values.breachAttemptThreshold}
              className={input}
            />
          )}
        </Field>
        <Field name="breachAttemptWindowMinutes" label="…within minutes" errors={errors.breachAttemptWindowMinutes}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              defaultValue={values.breachAttemptWindowMinutes}
              className={input}
            />
          )}
        </Field>
        <Field
          name="accessDeniedThreshold"
          label="Refused actions"
          hint="Warning at this many by one person…"
          errors={errors.accessDeniedThreshold}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              defaultValue={values.accessDeniedThreshold}
              className={input}
            />
          )}
        </Field>
        <Field name="accessDeniedWindowMinutes" label="…within minutes" errors={errors.accessDeniedWindowMinutes}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              defaultValue={values.accessDeniedWindowMinutes}
              className={input}
            />
          )}
        </Field>
      </fieldset>

      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
