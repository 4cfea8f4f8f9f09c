'use client';

import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { useFormAction } from '@/components/forms/use-form-action';
import type { ActionResult } from '@/lib/actions/tenant-action';
import { Checkbox } from '@/components/ui/choice';
import { Select, TextArea, TextInput } from '@/components/ui/text-input';
import { primaryButtonClass } from '@/components/ui/styles';

/** One field, described as data so a server page can lay out a client form (no functions cross the boundary). */
export type SettingsField =
  | { kind: 'text' | 'email' | 'tel' | 'time'; name: string; label: string; hint?: string; value: string; autoComplete?: string; maxLength?: number }
  | { kind: 'number'; name: string; label: string; hint?: string; value: string; min: number; max: number; step: string; unit?: string }
  | { kind: 'select'; name: string; label: string; hint?: string; value: string; options: { value: string; label: string }[] }
  | { kind: 'checkbox'; name: string; label: string; hint?: string; checked: boolean }
  | { kind: 'textarea'; name: string; label: string; hint?: string; value: string; rows: number; maxLength?: number };

type Action<T> = (prev: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;


/**
 * A settings form: every field error at once (summary linked to the fields,
 * messages under each), focus on the summary after a failed save, values kept
 * as typed, a status line after a save.
 */
export function SettingsForm<T>({
  id,
  label,
  action,
  fields,
  submitLabel,
  savedMessage,
  columns = 1,
}: {
  id: string;
  label: string;
  action: Action<T>;
  fields: SettingsField[];
  submitLabel: string;
  savedMessage: string;
  columns?: 1 | 2;
}) {
  const { state, formRef, onSubmit, pending, fieldErrors: errors } = useFormAction(action, { errorId: `${id}-summary`, focus: 'error' });
  const failed = state && !state.ok ? state : undefined;
  const domId = (name: string) => `${id}-${name}`;
  const labels = new Map(fields.map((f) => [f.name, f.label]));

  const errorEntries = Object.entries(errors).filter(([, m]) => m?.length);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={label} className="space-y-4">
      {failed ? (
        <div id={`${id}-summary`} tabIndex={-1} role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 outline-none">
          <p className="font-semibold">{failed.formError ?? 'Please correct the highlighted fields.'}</p>
          <StepUpPrompt show={failed.stepUp === true} />
          {errorEntries.length ? (
            <ul className="mt-1 list-disc pl-5">
              {errorEntries.map(([name, messages]) => (
                <li key={name}>
                  <a className="underline" href={`#${domId(name)}`}>
                    {labels.get(name) ?? name}: {messages!.join(' ')}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state?.ok ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm font-medium text-green-800">
          {savedMessage}
        </p>
      ) : null}
      <div className={columns === 2 ? 'grid gap-4 sm:grid-cols-2' : 'grid gap-4'}>
        {fields.map((f) => (
          <FieldRow key={f.name} field={f} domId={domId(f.name)} errors={errors[f.name]} />
        ))}
      </div>
      <button
        type="submit"
        disabled={pending}
        className={`${primaryButtonClass} w-full sm:w-auto`}
      >
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}

function FieldRow({ field: f, domId, errors }: { field: SettingsField; domId: string; errors?: string[] }) {
  const describedBy = [errors?.length ? `${domId}-error` : '', f.hint ? `${domId}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id: domId, name: f.name, 'aria-invalid': Boolean(errors?.length), 'aria-describedby': describedBy };
  const hint = f.hint ? (
    <p id={`${domId}-hint`} className="mt-0.5 text-xs text-slate-600">
      {f.hint}
    </p>
  ) : null;
  const error = errors?.length ? (
    <p id={`${domId}-error`} className="mt-1 text-sm font-medium text-red-700">
      {errors.join(' ')}
    </p>
  ) : null;

  if (f.kind === 'checkbox') {
    return (
      <div className={f.hint ? 'sm:col-span-2' : ''}>
        <label htmlFor={domId} className="flex min-h-11 items-center gap-3 text-sm text-slate-900">
          <Checkbox {...common} defaultChecked={f.checked} />
          {f.label}
        </label>
        {hint}
        {error}
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={domId} className="block text-sm font-medium text-slate-900">
        {f.label}
        {f.kind === 'number' && f.unit ? <span className="font-normal text-slate-600"> ({f.unit})</span> : null}
      </label>
      {hint}
      <div className="mt-1">
        {f.kind === 'select' ? (
          <Select {...common} defaultValue={f.value}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        ) : f.kind === 'textarea' ? (
          <TextArea {...common} rows={f.rows} defaultValue={f.value} maxLength={f.maxLength} />
        ) : f.kind === 'number' ? (
          <TextInput {...common} type="number" inputMode="decimal" min={f.min} max={f.max} step={f.step} defaultValue={f.value} />
        ) : (
          <TextInput {...common} type={f.kind} defaultValue={f.value} autoComplete={f.autoComplete} maxLength={f.maxLength} />
        )}
      </div>
      {error}
    </div>
  );
}
