'use client';

import { useEffect } from 'react';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { FormError } from './field';
import { useFormAction, type FormAction } from './use-form-action';

/**
 * A one-button form for an action on a record ("Publish", "Amend"): the
 * hidden fields name the record, the button says what it is doing, a refusal
 * is shown above it; `onDone` runs once with the action's data.
 */
export function ActionButton<T>({
  action,
  fields,
  label,
  pendingLabel,
  secondary,
  onDone,
}: {
  action: FormAction<T>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  secondary?: boolean;
  onDone?: (data: T) => void;
}) {
  const { state, formRef, onSubmit, pending, formError } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) onDone?.(state.data);
  }, [state, onDone]);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormError message={formError} />
      <button
        type="submit"
        disabled={pending || Boolean(onDone && state?.ok)}
        className={`${secondary ? secondaryButtonClass : primaryButtonClass} w-full sm:w-auto`}
      >
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
