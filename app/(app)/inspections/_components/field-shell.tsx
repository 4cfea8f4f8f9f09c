import type { ReactNode } from 'react';
import type { FieldDefinition } from '@/lib/forms/template-definition';

/** The label, help, required mark and error wiring every template field shares (form-fields.tsx). */

export const fieldDomId = (key: string) => `field-${key.replace(/\./g, '-')}`;
export const errorId = (key: string) => `${fieldDomId(key)}-error`;

export function ErrorText({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {messages.join(' ')}
    </p>
  );
}

export function Help({ text }: { text?: string }) {
  return text ? <p className="mt-1 text-sm text-slate-600">{text}</p> : null;
}

export function Required({ on }: { on: boolean }) {
  return on ? (
    <span className="text-red-700" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
}

export function Labelled({
  field,
  errors,
  children,
}: {
  field: FieldDefinition;
  errors: string[] | undefined;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={fieldDomId(field.key)} className="block text-base font-medium text-slate-900">
        {field.label}
        <Required on={field.required} />
      </label>
      <Help text={field.help} />
      <div className="mt-2">{children}</div>
      <ErrorText id={errorId(field.key)} messages={errors} />
    </div>
  );
}

export const a11y = (key: string, errors: string[] | undefined, required: boolean) => ({
  id: fieldDomId(key),
  'aria-invalid': errors?.length ? true : undefined,
  'aria-describedby': errors?.length ? errorId(key) : undefined,
  'aria-required': required || undefined,
});

export function GroupShell({
  field,
  errors,
  children,
}: {
  field: FieldDefinition;
  errors: string[] | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={fieldDomId(field.key)}
      tabIndex={-1}
      aria-describedby={errors?.length ? errorId(field.key) : undefined}
      className="outline-none"
    >
      <legend className="text-base font-medium text-slate-900">
        {field.label}
        <Required on={field.required} />
      </legend>
      <Help text={field.help} />
      <div className="mt-2">{children}</div>
      <ErrorText id={errorId(field.key)} messages={errors} />
    </fieldset>
  );
}
