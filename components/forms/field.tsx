import type { ReactNode } from 'react';
import { primaryButtonClass } from '@/components/ui/styles';

/** What a `Field` hands its control: spread it onto the input, select or textarea. */
export interface ControlProps {
  id: string;
  name?: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  required?: boolean;
}

/**
 * A labelled control with its hint and every error message, linked by
 * aria-describedby so a screen reader reads the error with the field. The
 * control's id is `id`, else `${idPrefix}-${name}`; `name` is passed through.
 */
export function Field(props: {
  name?: string;
  id?: string;
  idPrefix?: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  /** False where every field is optional (a filter form): no "(optional)" after each label. */
  markOptional?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const { name, label, hint, errors, required, idPrefix = 'f', markOptional = true, children } = props;
  const id = props.id ?? `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
        {required ? (
          <span className="text-red-700" aria-hidden="true">
            {' '}
            *
          </span>
        ) : markOptional ? (
          <span className="font-normal text-slate-600"> (optional)</span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-1">
        {children({ id, name, 'aria-invalid': Boolean(errors?.length), 'aria-describedby': describedBy, required })}
      </div>
      {errors?.length ? (
        <ul id={errorId} className="mt-1 space-y-0.5 text-sm font-medium text-red-700">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The form-level message; focused after a failed submit (`useFormAction`) so it is announced. */
export function FormError({ message, id }: { message?: string; id?: string }) {
  if (!message) return null;
  return (
    <p
      id={id}
      role="alert"
      tabIndex={-1}
      className="rounded-md border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-800"
    >
      {message}
    </p>
  );
}

/** The primary submit button; says what it is doing while the action runs. */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  name,
  value,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel: string;
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`${primaryButtonClass} w-full sm:w-auto`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
