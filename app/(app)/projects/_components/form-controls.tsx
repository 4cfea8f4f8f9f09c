import type { ReactNode } from 'react';

/** Shared look of text inputs and selects: 44px tall (touch target), 16px text on phones (no iOS zoom). */
export const inputClass =
  'block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 sm:text-sm';

export const primaryButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-70';

export const secondaryButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-70';

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  required?: boolean;
}

/**
 * A labelled control with its hint and every error message, linked by
 * aria-describedby so a screen reader reads the error with the field.
 */
export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  idPrefix?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { name, label, hint, errors, required, idPrefix = 'f', children } = props;
  const id = `${idPrefix}-${name}`;
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
        ) : (
          <span className="font-normal text-slate-500"> (optional)</span>
        )}
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

/** The form-level message; focused after a failed submit so it is announced. */
export function FormError({ message, id }: { message?: string; id: string }) {
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

export function SubmitButton({
  pending,
  children,
  pendingLabel,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`${primaryButtonClass} w-full sm:w-auto`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
