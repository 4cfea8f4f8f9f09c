'use client';

import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { FormError } from './field';
import { useFormAction, type FormAction } from './use-form-action';

export interface StepOption {
  value: string;
  label: string;
  /** A fuller name for screen readers ("Mark fixed: Regrade the swale"). */
  ariaLabel?: string;
  /** Drawn as the secondary (outlined) button, e.g. "Reopen". */
  secondary?: boolean;
}

/**
 * One form, one submit button per next step: the pressed button sends
 * `name=value` (`useFormAction` adds the submitter), the hidden `fields` name
 * the record. "Saving…" is announced while the action runs.
 */
export function StepButtons<T>({
  action,
  fields,
  name,
  options,
}: {
  action: FormAction<T>;
  fields: Record<string, string>;
  name: string;
  options: StepOption[];
}) {
  const { formRef, onSubmit, pending, formError } = useFormAction(action);
  if (!options.length) return null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3">
      {Object.entries(fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <FormError message={formError} />
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <button
            key={o.value}
            type="submit"
            name={name}
            value={o.value}
            disabled={pending}
            aria-label={o.ariaLabel}
            className={o.secondary ? secondaryButtonClass : primaryButtonClass}
          >
            {o.label}
          </button>
        ))}
      </div>
      <p role="status" className="text-sm text-slate-600 empty:hidden">
        {pending ? 'Saving…' : ''}
      </p>
    </form>
  );
}
